/** @jest-environment node */
import { anchorFetchStart, originAlignment } from './anchorFetchStart';
import { planRange } from './planRange';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

describe('anchorFetchStart', () => {
  it.each([
    [7 * DAY, MINUTE, HOUR],
    [DAY, MINUTE, HOUR],
    [12 * HOUR, MINUTE, 30 * MINUTE],
    [2 * HOUR, MINUTE, 5 * MINUTE],
    [HOUR, MINUTE, undefined],
    [DAY, HOUR, undefined],
  ])('training %d ms at step %d ms aligns the origin to %s ms', (trainingMs, stepMs, expected) => {
    expect(originAlignment(trainingMs, stepMs)).toBe(expected);
  });

  it('keeps the origin of "the last 6 hours" with 7 days of training for the whole hour while the window moves', () => {
    const at = (nowMs: number) => anchorFetchStart(planRange(nowMs - 6 * HOUR, nowMs, MINUTE, 1000, { trainingMs: 7 * DAY }));
    const first = at(Date.UTC(2026, 0, 10, 12, 7, 30));
    expect(iso(first.fetchStartMs)).toBe('2026-01-03T06:00:00.000Z');
    expect(iso(first.startMs)).toBe('2026-01-10T06:07:00.000Z');
    expect(first.trainingMs).toBe(7 * DAY);
    expect(first.pointsPerSeries).toBe(7 * 24 * 60 + 6 * 60 + 7 + 1);
    expect(at(Date.UTC(2026, 0, 10, 12, 59, 59)).fetchStartMs).toBe(first.fetchStartMs);
    expect(iso(at(Date.UTC(2026, 0, 10, 13, 0, 0)).fetchStartMs)).toBe('2026-01-03T07:00:00.000Z');
  });

  it('leaves a plan alone when its fetch already starts on the round time, or its training is short', () => {
    const aligned = planRange(Date.UTC(2026, 0, 10, 6), Date.UTC(2026, 0, 10, 12), MINUTE, 1000, { trainingMs: DAY });
    expect(anchorFetchStart(aligned)).toBe(aligned);
    const short = planRange(Date.UTC(2026, 0, 10, 11, 7), Date.UTC(2026, 0, 10, 12, 7), MINUTE, 1000, { trainingMs: 5 * MINUTE });
    expect(anchorFetchStart(short)).toBe(short);
  });
});
