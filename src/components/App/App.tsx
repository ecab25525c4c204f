import React from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { ROUTES } from '../../constants';

const Overview = React.lazy(() => import('../../pages/Overview'));
const TrendExplorer = React.lazy(() => import('../../pages/TrendExplorer'));
const Investigate = React.lazy(() => import('../../pages/Investigate'));
const DashboardBuilder = React.lazy(() => import('../../pages/DashboardBuilder'));

/** The app's routes; each matches a page in plugin.json's `includes`. */
function App(_props: AppRootProps) {
  return (
    <Routes>
      <Route path={ROUTES.Overview} element={<Overview />} />
      <Route path={ROUTES.Trends} element={<TrendExplorer />} />
      <Route path={`${ROUTES.Investigate}/:id?`} element={<Investigate />} />
      <Route path={ROUTES.Builder} element={<DashboardBuilder />} />
      <Route path="*" element={<Navigate to={ROUTES.Overview} replace />} />
    </Routes>
  );
}

export default App;
