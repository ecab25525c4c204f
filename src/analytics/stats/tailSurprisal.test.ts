/** @jest-environment node */
import { normalTail } from './normalTail';
import { tailSurprisal } from './tailSurprisal';

describe('tailSurprisal', () => {
  it('matches −log10 of the two-sided normal tail', () => {
    for (const z of [0, 0.5, 1.959964, 3, 4.5, -6, 8.2]) {
      expect(tailSurprisal(z)).toBeCloseTo(Math.min(12, -Math.log10(2 * normalTail(Math.abs(z)))), 2);
    }
    expect(tailSurprisal(1.959964)).toBeCloseTo(1.301, 2);
  });

  it('caps far tails and passes NaN through', () => {
    expect(tailSurprisal(50)).toBe(12);
    expect(tailSurprisal(Infinity)).toBe(12);
    expect(tailSurprisal(NaN)).toBeNaN();
    // At and beyond the end of the table: exactly the last entry, from either sign.
    expect(tailSurprisal(12)).toBe(tailSurprisal(-30));
  });
});
