/**
 * Median of exactly five numbers by Devillard's median-of-5 selection network (7 compare-exchanges,
 * pruned to the outputs that are used; N. Devillard, "Fast median search: an ANSI C implementation",
 * 1998). The result is one of the inputs — the 3rd smallest — so it equals the median of a full sort
 * exactly (up to the sign of a zero). Inputs must not be NaN.
 *
 * @example
 * median5(9, 1, 5, 2, 7); // 5
 */
export function median5(p0: number, p1: number, p2: number, p3: number, p4: number): number {
  let t: number;
  if (p0 > p1) {
    t = p0;
    p0 = p1;
    p1 = t;
  }
  if (p3 > p4) {
    t = p3;
    p3 = p4;
    p4 = t;
  }
  if (p0 > p3) {
    p3 = p0; // max(p0, p3)
  }
  if (p1 > p4) {
    p1 = p4; // min(p1, p4)
  }
  if (p1 > p2) {
    t = p1;
    p1 = p2;
    p2 = t;
  }
  if (p2 > p3) {
    p2 = p3; // min(p2, p3)
  }
  return p1 > p2 ? p1 : p2;
}
