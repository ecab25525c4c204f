// Force UTC so time-based tests read the same everywhere.
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

const swcTransform = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...base,
  // d3-interpolate 3.0.2 ships only .mjs files, so they must be transformed too.
  transform: { '^.+\\.(t|j)sx?$': swcTransform, '^.+\\.mjs$': swcTransform },
  // ESM-only packages pulled in by @grafana/* 13.2 and ml-regression.
  transformIgnorePatterns: [
    nodeModulesToTransform([
      ...grafanaESModules,
      '@react-hookz',
      '@ver0',
      '@grafana/react-data-grid',
      'd3-array',
      'd3-format',
      'd3-scale',
      'd3-time',
      'd3-time-format',
      'internmap',
      'is-any-array',
      'ml-[a-z-]+',
      'apache-arrow',
      'flatbuffers',
    ]),
  ],
  // Browser specs (Playwright) and Node integration specs live in tests/ and run through their own runners.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/'],
};
