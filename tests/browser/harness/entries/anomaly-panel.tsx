/** Scenarios for the Foresight anomaly panel (src/panels/anomaly). */
import { ThresholdsMode } from '@grafana/data';
import { GraphThresholdsStyleMode } from '@grafana/schema';

import { plugin } from '../../../../src/panels/anomaly/module';
import { DEFAULT_ANOMALY_OPTIONS } from '../../../../src/panels/anomaly/types';
import { fetchFrames, fetchGoldenFrames, fetchLiveFrames, framesFromJSON } from '../../fixtures/loadFrames';
import { anomalyFrames } from '../../fixtures/synthetic';
import { mountScenarios } from '../render';

const options = DEFAULT_ANOMALY_OPTIONS;

mountScenarios({
  basic: {
    plugin,
    title: 'Request rate per service',
    options,
    fieldConfig: { defaults: { unit: 'reqps' }, overrides: [] },
    frames: () => framesFromJSON(anomalyFrames({ series: 3 })),
  },
  units: {
    plugin,
    title: 'Latency with thresholds',
    options,
    fieldConfig: {
      defaults: {
        unit: 'ms',
        decimals: 1,
        thresholds: {
          mode: ThresholdsMode.Absolute,
          steps: [
            { value: -Infinity, color: 'green' },
            { value: 200, color: 'red' },
          ],
        },
        custom: { thresholdsStyle: { mode: GraphThresholdsStyleMode.Line } },
      },
      overrides: [],
    },
    frames: () => framesFromJSON(anomalyFrames({ series: 2, seed: 4 })),
  },
  // Frames read from a JSON file of decoded frames, the way real backend output will be used.
  'from-file': {
    plugin,
    title: 'Frames from a JSON file',
    options,
    fieldConfig: { defaults: { unit: 'reqps' }, overrides: [] },
    frames: () => fetchFrames('/fixtures/frames/anomaly-two-services.json'),
  },
  // Real backend output: p95 latency per service around the demo's db latency incident (tests/golden).
  golden: {
    plugin,
    title: 'p95 latency (backend golden frames)',
    options,
    fieldConfig: { defaults: { unit: 's' }, overrides: [] },
    frames: () => fetchGoldenFrames('prometheus-anomaly-latency'),
  },
  // Frames the packaged backend produced in this run from the real Prometheus fixture (backend-live.spec.ts).
  live: {
    plugin,
    title: 'p95 latency per service (live backend)',
    options,
    fieldConfig: { defaults: { unit: 's' }, overrides: [] },
    height: 480,
    frames: () => fetchLiveFrames('anomaly'),
  },
  'no-data': { plugin, title: 'Request rate per service', options, frames: () => [] },
  many: {
    plugin,
    title: '24 services',
    options,
    frames: () => framesFromJSON(anomalyFrames({ series: 24, seed: 3 })),
  },
  // All 24 drawn: intervals of every severity in the list.
  'many-all': {
    plugin,
    title: '24 services, all drawn',
    options: { ...options, topN: 0 },
    frames: () => framesFromJSON(anomalyFrames({ series: 24, seed: 3 })),
  },
  warmup: {
    plugin,
    title: 'Just deployed: detector warming up',
    options,
    fieldConfig: { defaults: { unit: 'reqps' }, overrides: [] },
    frames: () => framesFromJSON(anomalyFrames({ series: 2, points: 240, warmupPoints: 90, seed: 9 })),
  },
  bench: {
    plugin,
    title: '50 series × 10,000 points',
    options,
    frames: () => framesFromJSON(anomalyFrames({ series: 50, points: 10_000, stepMs: 15_000, seed: 5 })),
  },
  'bench-all': {
    plugin,
    title: '50 series × 10,000 points, all drawn',
    options: { ...options, topN: 0 },
    frames: () => framesFromJSON(anomalyFrames({ series: 50, points: 10_000, stepMs: 15_000, seed: 5 })),
  },
});
