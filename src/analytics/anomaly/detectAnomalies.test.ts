/** @jest-environment node */
import { createDetector, detectAnomalies } from './index';
import type { AnomalyParams } from './types';

const STEP = 1_800_000; // 30 minutes

function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
}

function times(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => 1.7e12 + i * STEP);
}

function argmax(values: Float64Array, from = 0): number {
  let best = from;
  for (let i = from; i < values.length; i++) {
    if (values[i] > values[best] || Number.isNaN(values[best])) {
      best = i;
    }
  }
  return best;
}

describe('detectAnomalies', () => {
  const r = noise(11);
  const flatNoise = Float64Array.from({ length: 600 }, () => 50 + r());

  it('scores a spike at the spike and marks it above the band', () => {
    const values = flatNoise.slice();
    values[400] = 70;
    const result = detectAnomalies(values, times(values.length), { warmup: 200 });
    expect(argmax(result.score, 200)).toBe(400);
    expect(result.score[400]).toBeGreaterThan(0.9);
    expect(result.anomalous[400]).toBe(1);
    expect(result.expected[400]).toBeCloseTo(50, 0);
    // Quiet noise around it stays inside the band and well below the spike's score.
    expect(result.anomalous[300]).toBe(0);
    expect(Math.max(...result.score.subarray(210, 390))).toBeLessThan(0.5);
  });

  it('detects a level shift within a few points of its start', () => {
    const values = flatNoise.map((v, i) => (i >= 400 ? v + 5 : v));
    for (const detector of ['auto', 'changepoint'] as const) {
      const result = detectAnomalies(values, times(values.length), { detector, warmup: 200 });
      const first = result.score.findIndex((s, i) => i >= 200 && s > 0.5);
      expect(first).toBeGreaterThanOrEqual(400);
      expect(first).toBeLessThan(406);
    }
  });

  it('flags a value that is normal for the day but not for its time of day', () => {
    const n = 48 * 12;
    const rs = noise(5);
    const values = Float64Array.from({ length: n }, (_, i) => 100 + 40 * Math.sin((2 * Math.PI * i) / 48) + rs());
    const night = 48 * 10 + 36; // trough of the cycle (sin = −1 → 60)
    values[night] = 100; // the daily mean: inside the overall range of the series
    const auto = detectAnomalies(values, times(n), { detector: 'auto', warmup: 150 });
    expect(auto.notices.join(' ')).toContain('period of 48');
    expect(auto.anomalous[night]).toBe(1);
    expect(argmax(auto.score, 150)).toBe(night);
    expect(auto.expected[night]).toBeCloseTo(60, -1);
  });

  it('survives gaps: NaN values and missing timestamps neither crash nor poison the state', () => {
    const n = 600;
    const values = flatNoise.slice();
    for (let i = 250; i < 260; i++) {
      values[i] = NaN;
    }
    const ts = times(n);
    for (let i = 320; i < n; i++) {
      ts[i] += 20 * STEP; // 20 points missing after row 319
    }
    values[450] = 70;
    const result = detectAnomalies(values, ts, { warmup: 200 });
    expect(result.score[255]).toBeNaN();
    expect(result.anomalous[255]).toBe(0);
    expect(Number.isFinite(result.expected[300])).toBe(true);
    expect(argmax(result.score, 200)).toBe(450);
    expect(result.notices.join(' ')).toMatch(/30 missing points/);
  });

  it('keeps a constant series quiet and then flags a change of it', () => {
    const values = new Float64Array(400).fill(7);
    const quiet = detectAnomalies(values, times(400), { warmup: 100 });
    expect(Math.max(...quiet.score.subarray(100))).toBeLessThan(0.05);
    expect(quiet.anomalous.every((a) => a === 0)).toBe(true);
    expect(quiet.lower[300]).toBeCloseTo(7, 6);
    expect(quiet.upper[300]).toBeCloseTo(7, 6);
    values[300] = 6;
    const changed = detectAnomalies(values, times(400), { warmup: 100 });
    expect(changed.anomalous[300]).toBe(-1);
    expect(changed.score[300]).toBeGreaterThan(0.9);
  });

  describe('quantised data (ratios of small counts)', () => {
    // A 5xx ratio at low traffic: about five errors in 1,500 requests, give or take one, so the value
    // sits on one grid level most of the time (MAD = 0) and moves by one quantum (1/1500) now and
    // then; 20 minutes of a real error burst (30 errors) near the end.
    const n = 2 * 1440;
    const burst = n - 100;
    const rq = noise(1);
    const values = Float64Array.from({ length: n }, (_, i) => {
      const u = rq() + 0.5;
      const errors = i >= burst && i < burst + 20 ? 30 : u < 0.15 ? 4 : u > 0.85 ? 6 : 5;
      return errors / 1500;
    });
    const ts = Float64Array.from({ length: n }, (_, i) => 1.7e12 + i * 60_000);

    it.each(['auto', 'rolling', 'seasonal', 'changepoint'] as const)(
      '%s: one-quantum steps stay inside the band and a real burst still scores high',
      (detector) => {
        const result = detectAnomalies(values, ts, { detector, warmup: 720 });
        let outside = 0;
        for (let i = 720; i < burst; i++) {
          outside += result.anomalous[i] !== 0 ? 1 : 0;
        }
        expect(outside).toBe(0);
        expect(Math.max(...result.score.subarray(burst, burst + 4))).toBeGreaterThan(0.9);
        expect(result.anomalous[burst]).toBe(1);
      }
    );

    it('does not sit at a high score on the quantisation noise', () => {
      const noiseEnd = burst;
      for (const detector of ['auto', 'rolling', 'seasonal'] as const) {
        const { score } = detectAnomalies(values, ts, { detector, warmup: 720 });
        let high = 0;
        let run = 0;
        let longest = 0;
        for (let i = 720; i < noiseEnd; i++) {
          run = score[i] > 0.9 ? run + 1 : 0;
          high += score[i] > 0.9 ? 1 : 0;
          longest = Math.max(longest, run);
        }
        // The false alarm this guards against: score 1 for ~20 minutes while the ratio was normal.
        expect(high).toBeLessThan((noiseEnd - 720) / 200);
        expect(longest).toBeLessThan(10);
      }
    });
  });

  it('falls back to the rolling view when a gap leaves the seasonal one without history', () => {
    const n = 48 * 12;
    const rs = noise(8);
    const values = Float64Array.from({ length: n }, (_, i) => 100 + 40 * Math.sin((2 * Math.PI * i) / 48) + rs());
    const ts = times(n);
    // 4 days (more than the three cycles the seasonal view looks back over) missing after row 400.
    for (let i = 400; i < n; i++) {
      ts[i] += 4 * 48 * STEP;
    }
    values[560] += 60;
    const result = detectAnomalies(values, ts, { warmup: 150 });
    expect(result.notices.join(' ')).toContain('period of 48');
    // Right after the gap the expected value is the rolling median of the last known values.
    expect(Number.isFinite(result.expected[401])).toBe(true);
    expect(result.anomalous[560]).toBe(1);
    expect(argmax(result.score, 420)).toBe(560);
  });

  it('gives no score during warm-up and says so', () => {
    const result = detectAnomalies(flatNoise.subarray(0, 50), times(50), { warmup: 100 });
    expect(result.warmup).toBe(50);
    expect(result.score.every((s) => Number.isNaN(s))).toBe(true);
    expect(result.notices.join(' ')).toContain('Not enough data yet: 50 of 100');
  });

  it('widens the band as sensitivity falls', () => {
    const low = detectAnomalies(flatNoise, times(600), { sensitivity: 0 });
    const high = detectAnomalies(flatNoise, times(600), { sensitivity: 1 });
    expect(low.upper[500] - low.lower[500]).toBeCloseTo(3 * (high.upper[500] - high.lower[500]), 6);
  });

  it.each<AnomalyParams>([
    { detector: 'auto' },
    { detector: 'rolling' },
    { detector: 'seasonal', seasonality: [48] },
    { detector: 'changepoint' },
  ])('streaming and batch agree exactly (%p)', (params) => {
    const n = 48 * 8;
    const rs = noise(3);
    const values = Float64Array.from({ length: n }, (_, i) =>
      i % 97 === 0 ? NaN : 10 * Math.sin(i / 7.6) + rs() + (i > 300 ? 4 : 0)
    );
    const ts = times(n);
    const batch = detectAnomalies(values, ts, { ...params, warmup: 100 });
    const stream = createDetector({ ...params, warmup: 100 });
    for (let i = 0; i < n; i++) {
      const p = stream.update(ts[i], values[i]);
      expect([p.expected, p.lower, p.upper, p.score, p.onset, p.anomalous]).toEqual([
        batch.expected[i],
        batch.lower[i],
        batch.upper[i],
        batch.score[i],
        batch.onset[i],
        batch.anomalous[i],
      ]);
    }
  });

  it('keeps the score high while an anomaly lasts and reports its onset once', () => {
    // A sensor stuck far above its range for 30 points: an alert on `score > 0.9` sees the whole
    // episode, while `onset` marks only where it starts.
    const values = flatNoise.slice();
    for (let i = 400; i < 430; i++) {
      values[i] = 58 + r();
    }
    const result = detectAnomalies(values, times(values.length), { warmup: 200 });
    const high = Array.from(result.score.subarray(400, 430)).filter((s) => s > 0.9).length;
    expect(high).toBeGreaterThanOrEqual(10);
    const onsets = Array.from(result.onset.subarray(400, 430)).filter((s) => s > 0.5);
    expect(onsets).toHaveLength(1);
    expect(result.onset[400]).toBeGreaterThan(0.9);
    // Onset is the score where it reports, 0 where it does not, NaN only where the score is NaN.
    for (let i = 200; i < values.length; i++) {
      expect(result.onset[i] === 0 || result.onset[i] === result.score[i]).toBe(true);
    }
    expect(result.onset.subarray(0, 200).every((s) => Number.isNaN(s))).toBe(true);
  });

  it('reports a new onset for a second anomaly after the first one is over', () => {
    const values = flatNoise.slice();
    values[300] = 70;
    values[500] = 70;
    const result = detectAnomalies(values, times(values.length), { warmup: 200 });
    expect(result.onset[300]).toBeGreaterThan(0.9);
    expect(result.onset[500]).toBeGreaterThan(0.9);
    expect(Math.max(...result.onset.subarray(301, 320))).toBeLessThan(0.5);
  });

  it('rejects mismatched inputs and unknown detectors with a clear message', () => {
    expect(() => detectAnomalies(new Float64Array(3), new Float64Array(2))).toThrow('one timestamp per value');
    expect(() => createDetector({ detector: 'magic' as never })).toThrow('unknown anomaly detector "magic"');
  });
});
