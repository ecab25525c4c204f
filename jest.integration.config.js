// Integration tests: real Prometheus, the packaged backend under grafana-sim, recorded Loki responses.
// They run in Node (not jsdom), one file at a time, with generous timeouts for process start-up.
process.env.TZ = 'UTC';
const base = require('./jest.config');

module.exports = {
  ...base,
  testEnvironment: 'node',
  setupFilesAfterEnv: [],
  testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
