/**
 * Dashboards of two Foresight anomaly panels over the same time range, with each setting of the dashboard's
 * "Graph tooltip" option (Grafana passes it to panels as the panel context's `sync`).
 */
import { DashboardCursorSync } from '@grafana/data';

import { plugin as anomalyPlugin } from '../../../../src/panels/anomaly/module';
import { DEFAULT_ANOMALY_OPTIONS } from '../../../../src/panels/anomaly/types';
import { framesFromJSON } from '../../fixtures/loadFrames';
import { anomalyFrames } from '../../fixtures/synthetic';
import { mountDashboards, type Scenario } from '../render';

const panels: Scenario[] = [
  {
    plugin: anomalyPlugin,
    title: 'Request rate per service',
    options: DEFAULT_ANOMALY_OPTIONS,
    fieldConfig: { defaults: { unit: 'reqps' }, overrides: [] },
    height: 320,
    frames: () => framesFromJSON(anomalyFrames({ series: 3 })),
  },
  {
    plugin: anomalyPlugin,
    title: 'Latency per service',
    options: DEFAULT_ANOMALY_OPTIONS,
    fieldConfig: { defaults: { unit: 'ms' }, overrides: [] },
    height: 320,
    frames: () => framesFromJSON(anomalyFrames({ series: 2, seed: 4 })),
  },
];

mountDashboards({
  'shared-tooltip': { panels, sync: DashboardCursorSync.Tooltip },
  'shared-crosshair': { panels, sync: DashboardCursorSync.Crosshair },
  'no-sync': { panels, sync: DashboardCursorSync.Off },
});
