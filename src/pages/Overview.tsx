import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Card, LinkButton, Stack, Text, useStyles2 } from '@grafana/ui';
import { testIds } from '../components/testIds';
import { PLUGIN_BASE_URL, ROUTES } from '../constants';
import { NoDatasourceState } from './NoDatasourceState';
import { useForesightDatasources } from './useForesightDatasources';

const CAPABILITIES = [
  {
    title: 'Anomaly detection',
    text: 'Expected value, band and a calibrated anomaly score for every series, causal so you can alert on it.',
  },
  {
    title: 'Forecasting',
    text: 'Forecasts with honest prediction intervals, and when a threshold (disk full, SLA breach) will be crossed.',
  },
  { title: 'Trend analysis', text: 'Decompose series into trend, seasonality and residual; spot change points.' },
  { title: 'Root cause', text: 'Rank the services and metrics that explain a symptom.' },
];

/** Landing page: what Foresight does and where to start. */
function Overview() {
  const styles = useStyles2(getStyles);
  const datasources = useForesightDatasources();

  return (
    <PluginPage>
      <div data-testid={testIds.overview.container}>
        {datasources.length === 0 ? (
          <NoDatasourceState />
        ) : (
          <Stack direction="column" gap={2}>
            <Text element="p">
              {datasources.length === 1
                ? `Using datasource "${datasources[0].name}".`
                : `${datasources.length} Foresight datasources are configured.`}{' '}
              Add a panel with the Foresight datasource to any dashboard, or explore a metric here.
            </Text>
            <Stack gap={1}>
              <LinkButton href={`${PLUGIN_BASE_URL}/${ROUTES.Trends}`} icon="chart-line">
                Explore trends
              </LinkButton>
              <LinkButton href={`${PLUGIN_BASE_URL}/${ROUTES.Builder}`} variant="secondary" icon="apps">
                Build a dashboard
              </LinkButton>
            </Stack>
          </Stack>
        )}
        <div className={styles.grid}>
          {CAPABILITIES.map((c) => (
            <Card key={c.title} noMargin>
              <Card.Heading>{c.title}</Card.Heading>
              <Card.Description>{c.text}</Card.Description>
            </Card>
          ))}
        </div>
      </div>
    </PluginPage>
  );
}

export default Overview;

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: theme.spacing(2),
    marginTop: theme.spacing(3),
  }),
});
