/** @jest-environment node */
import { DEFAULT_MAX_POINTS_PER_SERIES, planRange, type PlanOptions } from './planRange';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const from = Date.parse('2026-01-07T12:00:07.250Z');
const to = Date.parse('2026-01-07T18:00:03.900Z');

describe('planRange', () => {
  test('passthrough: output range floored to the step grid, one call', () => {
    const plan = planRange(from, to, 15_000, 1_000);
    expect(plan).toMatchObject({
      stepMs: 30_000,
      startMs: Date.parse('2026-01-07T12:00:00Z'),
      endMs: Date.parse('2026-01-07T18:00:00Z'),
      fetchStartMs: Date.parse('2026-01-07T12:00:00Z'),
      fetchEndMs: Date.parse('2026-01-07T18:00:00Z'),
      trainingMs: 0,
      pointsPerSeries: 721,
      strategy: 'single',
      notices: [],
    });
    expect(plan.calls).toEqual([{ startMs: plan.startMs, endMs: plan.endMs }]);
  });

  test('a 7 d training window at 30 s is split into two calls and keeps the step', () => {
    const plan = planRange(from, to, 15_000, 1_000, { trainingMs: 7 * DAY });
    expect(plan.stepMs).toBe(30_000);
    expect(plan.fetchStartMs).toBe(Date.parse('2025-12-31T12:00:00Z'));
    expect(plan.trainingMs).toBe(7 * DAY);
    expect(plan.pointsPerSeries).toBe(20_881);
    expect(plan.strategy).toBe('split');
    expect(plan.calls.map((call) => (call.endMs - call.startMs) / plan.stepMs + 1)).toEqual([11_000, 9_881]);
    expect(plan.notices).toEqual([]);
  });

  test('calls tile the fetch on the grid without gaps or overlaps', () => {
    const plan = planRange(from, to, 10_000, 3_000, { trainingMs: 7 * DAY });
    expect(plan.stepMs).toBe(10_000);
    expect(plan.calls[0].startMs).toBe(plan.fetchStartMs);
    expect(plan.calls[plan.calls.length - 1].endMs).toBe(plan.fetchEndMs);
    for (let i = 1; i < plan.calls.length; i++) {
      expect(plan.calls[i].startMs - plan.calls[i - 1].endMs).toBe(plan.stepMs);
    }
    for (const call of plan.calls) {
      expect(call.startMs % plan.stepMs).toBe(0);
      expect((call.endMs - call.startMs) / plan.stepMs + 1).toBeLessThanOrEqual(11_000);
    }
    const total = plan.calls.reduce((sum, call) => sum + (call.endMs - call.startMs) / plan.stepMs + 1, 0);
    expect(total).toBe(plan.pointsPerSeries);
  });

  test('a training window that is not a whole number of steps is rounded up to one', () => {
    const plan = planRange(from, to, 60_000, 1_000, { trainingMs: 90_500 });
    expect(plan.stepMs).toBe(60_000);
    expect(plan.trainingMs).toBe(120_000);
  });

  test('beyond the point budget the step is raised, with a notice saying why', () => {
    const plan = planRange(from, to, 10_000, 3_000, { trainingMs: 28 * DAY });
    expect(plan.stepMs).toBe(30_000);
    expect(plan.pointsPerSeries).toBeLessThanOrEqual(DEFAULT_MAX_POINTS_PER_SERIES);
    expect(plan.startMs % plan.stepMs).toBe(0);
    expect(plan.notices).toEqual([
      'Step raised from 10s to 30s: the 4w training window plus the visible range would need 244,081 points per series at 10s, ' +
        'more than the 100,000 allowed. Shorten the training window for a finer step.',
    ]);
  });

  test.each<[string, PlanOptions]>([
    ['a small budget', { trainingMs: 7 * DAY, maxPointsPerSeries: 5_000 }],
    ['a long training window', { trainingMs: 365 * DAY }],
  ])('the budget holds for %s', (_name, options) => {
    const plan = planRange(from, to, 15_000, 1_000, options);
    expect(plan.pointsPerSeries).toBeLessThanOrEqual(options.maxPointsPerSeries ?? DEFAULT_MAX_POINTS_PER_SERIES);
    expect(plan.notices).toHaveLength(1);
  });

  test("Loki's 30-day query length also splits calls", () => {
    const plan = planRange(from, to, HOUR, 1_000, { trainingMs: 60 * DAY, maxSpanMs: 30 * DAY });
    expect(plan.stepMs).toBe(HOUR);
    expect(plan.calls.length).toBe(3);
    expect(plan.calls.every((call) => call.endMs - call.startMs <= 30 * DAY)).toBe(true);
  });

  test('a range that ends before it starts is refused', () => {
    expect(() => planRange(to, from, 15_000, 1_000)).toThrow('the time range ends before it starts');
  });
});
