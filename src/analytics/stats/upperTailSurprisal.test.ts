/** @jest-environment node */
import { normalTail } from './normalTail';
import { upperTailSurprisal } from './upperTailSurprisal';

describe('upperTailSurprisal', () => {
  it('matches −log10 of the upper normal tail across the table', () => {
    for (const z of [-7.9, -3, -0.5, 0, 0.7, 1.644854, 3.3, 6.36, 7.99, 12.3]) {
      expect(upperTailSurprisal(z)).toBeCloseTo(-Math.log10(normalTail(z)), 3);
    }
    expect(upperTailSurprisal(0)).toBeCloseTo(0.30103, 4);
    expect(upperTailSurprisal(1.644854)).toBeCloseTo(1.30103, 3);
  });

  it('clamps outside the table and passes NaN through', () => {
    expect(upperTailSurprisal(-50)).toBe(0);
    expect(upperTailSurprisal(Infinity)).toBeGreaterThan(50);
    expect(upperTailSurprisal(NaN)).toBeNaN();
    expect(upperTailSurprisal(-Infinity)).toBe(0);
    expect(upperTailSurprisal(16)).toBe(upperTailSurprisal(1e6));
  });
});
