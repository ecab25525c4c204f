/**
 * Scratch slots for branch-free selects: after `S[i] = x; S[i + 1] = y`, `S[i + +(cond)]` is
 * `cond ? y : x` without a branch. On noisy data every comparison of the network is a coin flip, and
 * a mispredicted branch costs more than two stores and a load.
 */
const S = new Float64Array(16);

/**
 * Median of exactly five numbers by Devillard's median-of-5 selection network (7 compare-exchanges,
 * pruned to the outputs that are used; N. Devillard, "Fast median search: an ANSI C implementation",
 * 1998). The result is one of the inputs — the 3rd smallest — so it equals the median of a full sort
 * exactly (up to the sign of a zero). Inputs must not be NaN. Branch-free: each compare-exchange is a
 * select by computed index (see `S`), so noisy inputs cost no mispredicted branches.
 *
 * @example
 * median5(9, 1, 5, 2, 7); // 5
 */
export function median5(p0: number, p1: number, p2: number, p3: number, p4: number): number {
  const s = S;
  // sort (p0, p1)
  let c = +(p1 < p0);
  s[0] = p0;
  s[1] = p1;
  s[2] = p1;
  s[3] = p0;
  const a0 = s[c];
  const a1 = s[2 + c];
  // sort (p3, p4)
  c = +(p4 < p3);
  s[4] = p3;
  s[5] = p4;
  s[6] = p4;
  s[7] = p3;
  const a3 = s[4 + c];
  const a4 = s[6 + c];
  // b3 = max(a0, a3), b1 = min(a1, a4)
  s[8] = a3;
  s[9] = a0;
  const b3 = s[8 + +(a0 > a3)];
  s[10] = a1;
  s[11] = a4;
  const b1 = s[10 + +(a1 > a4)];
  // sort (b1, p2): c1 = min, c2 = max
  c = +(b1 > p2);
  s[12] = b1;
  s[13] = p2;
  const c1 = s[12 + c];
  s[2] = p2;
  s[3] = b1;
  const c2 = s[2 + c];
  // d2 = min(c2, b3); median = max(c1, d2)
  s[14] = c2;
  s[15] = b3;
  const d2 = s[14 + +(c2 > b3)];
  s[0] = c1;
  s[1] = d2;
  return s[+(c1 <= d2)];
}
