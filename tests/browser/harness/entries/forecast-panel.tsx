/** Scenarios for the Foresight forecast panel (src/panels/forecast). */
import { plugin } from '../../../../src/panels/forecast/module';
import { DEFAULT_FORECAST_OPTIONS } from '../../../../src/panels/forecast/types';
import { fetchGoldenFrames, fetchLiveFrames, framesFromJSON } from '../../fixtures/loadFrames';
import { forecastFrames } from '../../fixtures/synthetic';
import { mountScenarios } from '../render';

const options = DEFAULT_FORECAST_OPTIONS;

mountScenarios({
  basic: {
    plugin,
    title: 'Disk usage forecast',
    options,
    fieldConfig: { defaults: { unit: 'percent' }, overrides: [] },
    frames: () => framesFromJSON(forecastFrames({ series: 1 })),
  },
  // Real backend output: the db disk forecast with a 90 % threshold (tests/golden).
  golden: {
    plugin,
    title: 'db disk used (backend golden frames)',
    options,
    fieldConfig: { defaults: { unit: 'percentunit' }, overrides: [] },
    frames: () => fetchGoldenFrames('prometheus-forecast-disk'),
  },
  // Frames the packaged backend produced in this run from the real Prometheus fixture (backend-live.spec.ts).
  live: {
    plugin,
    title: 'db disk used (live backend)',
    options,
    fieldConfig: { defaults: { unit: 'percentunit' }, overrides: [] },
    frames: () => fetchLiveFrames('forecast'),
  },
  'no-data': { plugin, title: 'Disk usage forecast', options, frames: () => [] },
  many: {
    plugin,
    title: 'Disk usage forecast, 4 disks',
    options,
    fieldConfig: { defaults: { unit: 'percent' }, overrides: [] },
    frames: () => framesFromJSON(forecastFrames({ series: 4 })),
  },
  bench: {
    plugin,
    title: '50 series × 10,000 points',
    options,
    frames: () =>
      framesFromJSON(
        forecastFrames({ series: 50, historyPoints: 8_000, horizonPoints: 2_000, stepMs: 60_000, seed: 5 })
      ),
  },
});
