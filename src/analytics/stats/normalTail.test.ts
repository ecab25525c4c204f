/** @jest-environment node */
import { normalTail } from './normalTail';

describe('normalTail', () => {
  it.each([
    [0, 0.5],
    [1, 0.158655],
    [1.959964, 0.025],
    [-1, 0.841345],
    [3, 0.0013499],
  ])('Q(%p) ≈ %p', (z, expected) => {
    expect(normalTail(z)).toBeCloseTo(expected, 5);
  });

  it('keeps far tails positive and relative-accurate', () => {
    expect(normalTail(8) / 6.22096e-16).toBeCloseTo(1, 4);
    expect(normalTail(40)).toBeGreaterThanOrEqual(0);
    expect(normalTail(-40)).toBe(1);
  });

  it('passes NaN through', () => {
    expect(normalTail(NaN)).toBeNaN();
  });
});
