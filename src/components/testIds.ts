/** Stable test ids, shared by unit tests and browser tests. */
export const testIds = {
  appConfig: {
    defaultDatasource: 'data-testid ac-default-datasource',
    submit: 'data-testid ac-submit-form',
  },
  overview: { container: 'data-testid foresight-overview' },
  trends: { container: 'data-testid foresight-trends' },
  investigate: { container: 'data-testid foresight-investigate' },
  builder: { container: 'data-testid foresight-builder' },
};
