import { findCrossing } from './findCrossing';

describe('findCrossing', () => {
  test.each([
    { name: 'interpolates between samples', values: [80, 85, 95], threshold: 90, dir: 'above', now: 0, at: 15 },
    { name: 'exactly on a sample', values: [80, 90, 95], threshold: 90, dir: 'above', now: 0, at: 10 },
    { name: 'never crosses', values: [80, 85, 89], threshold: 90, dir: 'above', now: 0, at: null },
    { name: 'already past at now', values: [95, 96, 97], threshold: 90, dir: 'above', now: 0, at: 0 },
    { name: 'ignores history before now', values: [95, 80, 100], threshold: 90, dir: 'above', now: 10, at: 15 },
    { name: 'skips gaps', values: [80, null, 100], threshold: 90, dir: 'above', now: 0, at: 10 },
    { name: 'below: free space falling to 10', values: [30, 20, 0], threshold: 10, dir: 'below', now: 0, at: 15 },
  ] as const)('$name', ({ values, threshold, dir, now, at }) => {
    expect(findCrossing([0, 10, 20], values, threshold, dir, now)).toBe(at);
  });
});
