/** @jest-environment node */
import { QuantumEstimate } from './quantumEstimate';

describe('QuantumEstimate', () => {
  it('finds the grid step of counts divided by a constant', () => {
    const q = new QuantumEstimate();
    let seed = 4;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const count = Math.floor((seed / 2147483648) * 4); // 0..3
      q.observe(count / 1500);
    }
    expect(q.quantum * 1500).toBeCloseTo(1, 2); // within the slow growth since the last one-count step
  });

  it('stays near zero on continuous data and ignores gaps and floating-point noise', () => {
    const q = new QuantumEstimate();
    for (let i = 0; i < 500; i++) {
      q.observe(i % 50 === 0 ? NaN : 100 + Math.sin(i * 1.7));
    }
    expect(q.quantum).toBeLessThan(0.02);
    const r = new QuantumEstimate();
    [0.1 + 0.2, 0.3, 0.3, 0.4].forEach((x) => r.observe(x)); // 0.30000000000000004 → 0.3 is noise
    expect(r.quantum).toBeCloseTo(0.1, 12);
  });

  it('is 0 while nothing has changed, and grows slowly when small steps stop', () => {
    const q = new QuantumEstimate();
    [7, 7, 7].forEach((x) => q.observe(x));
    expect(q.quantum).toBe(0);
    q.observe(8); // step 1
    for (let i = 0; i < 100; i++) {
      q.observe(i % 2 ? 8 : 10); // steps of 2 from now on
    }
    expect(q.quantum).toBeGreaterThan(1.05);
    expect(q.quantum).toBeLessThan(1.2);
  });
});
