import { mulberry32 } from './mulberry32';

describe('mulberry32', () => {
  it('gives the published first value for seed 42 and repeats its sequence for the same seed', () => {
    const a = mulberry32(42);
    expect(a()).toBe(0.6011037519201636);
    const b = mulberry32(42);
    b();
    expect([a(), a()]).toEqual([b(), b()]);
  });

  it('draws uniformly in [0, 1)', () => {
    const next = mulberry32(7);
    const draws = Array.from({ length: 10_000 }, next);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });
});
