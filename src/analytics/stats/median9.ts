/**
 * Median of exactly nine numbers, by the 19 compare-exchanges of Paeth's median-of-9 network
 * (A. Paeth, "Median finding on a 3×3 grid", Graphics Gems, 1990; N. Devillard, "Fast median search",
 * 1998). The result is one of the inputs — the 5th smallest — so it equals the median of a full sort
 * exactly; no allocation, no branches beyond the comparisons. Inputs must not be NaN.
 *
 * @example
 * median9(9, 1, 8, 2, 7, 3, 6, 4, 5); // 5
 */
export function median9(
  p0: number,
  p1: number,
  p2: number,
  p3: number,
  p4: number,
  p5: number,
  p6: number,
  p7: number,
  p8: number
): number {
  let t: number;
  if (p1 > p2) {
    t = p1;
    p1 = p2;
    p2 = t;
  }
  if (p4 > p5) {
    t = p4;
    p4 = p5;
    p5 = t;
  }
  if (p7 > p8) {
    t = p7;
    p7 = p8;
    p8 = t;
  }
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
  if (p6 > p7) {
    t = p6;
    p6 = p7;
    p7 = t;
  }
  if (p1 > p2) {
    t = p1;
    p1 = p2;
    p2 = t;
  }
  if (p4 > p5) {
    t = p4;
    p4 = p5;
    p5 = t;
  }
  if (p7 > p8) {
    t = p7;
    p7 = p8;
    p8 = t;
  }
  // From here on only the values that can still be the median are kept in order.
  if (p0 > p3) {
    p3 = p0;
  } // max(p0, p3)
  if (p5 > p8) {
    p5 = p8;
  } // min(p5, p8)
  if (p4 > p7) {
    t = p4;
    p4 = p7;
    p7 = t;
  }
  if (p3 > p6) {
    p6 = p3;
  } // max(p3, p6)
  if (p1 > p4) {
    p4 = p1;
  } // max(p1, p4)
  if (p2 > p5) {
    p2 = p5;
  } // min(p2, p5)
  if (p4 > p7) {
    p4 = p7;
  } // min(p4, p7)
  if (p4 > p2) {
    t = p4;
    p4 = p2;
    p2 = t;
  }
  if (p6 > p4) {
    p4 = p6;
  } // max(p6, p4)
  if (p4 > p2) {
    p4 = p2;
  } // min(p4, p2)
  return p4;
}
