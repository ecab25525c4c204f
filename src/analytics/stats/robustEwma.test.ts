/** @jest-environment node */
import { RobustEwma } from './robustEwma';

describe('RobustEwma', () => {
  it('is the running mean for the first values', () => {
    const e = new RobustEwma(0.01);
    [2, 4, 6].forEach((x) => e.update(x));
    expect(e.level).toBeCloseTo(4, 12);
  });

  it('ignores most of a single spike and tracks a normal scale', () => {
    const e = new RobustEwma(0.05, 0.02);
    let s = 1;
    for (let i = 0; i < 5000; i++) {
      s = (s * 16807) % 2147483647;
      const u1 = s / 2147483647;
      s = (s * 16807) % 2147483647;
      const u2 = s / 2147483647;
      e.update(10 + Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)); // N(10, 1)
    }
    expect(e.level).toBeCloseTo(10, 0);
    expect(e.scale).toBeGreaterThan(0.8);
    expect(e.scale).toBeLessThan(1.2);
    const before = e.level;
    e.update(1000);
    expect(Math.abs(e.level - before)).toBeLessThan(0.2); // a Huber step, not 0.05 · 990
  });

  it('follows a level shift within a few windows', () => {
    const e = new RobustEwma(0.1);
    for (let i = 0; i < 200; i++) {
      e.update(i % 2 ? 1 : -1);
    }
    for (let i = 0; i < 200; i++) {
      e.update(20 + (i % 2 ? 1 : -1));
    }
    expect(e.level).toBeCloseTo(20, 0);
  });
});
