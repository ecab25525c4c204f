/** The five inputs, so the median is read by its index (a load instead of a branch). */
const S = new Float64Array(5);

/**
 * Median of exactly five numbers, without branches.
 *
 * Definition: the rank of x_i is its position in a stable sort, r_i = #{j < i : x_j ≤ x_i} +
 * #{j > i : x_j < x_i}; the ranks are a permutation of 0..4 even with ties, and the median is the
 * input of rank 2. The ten comparisons are independent of each other (no chain of compare-exchanges
 * as in Devillard's median-of-5 network, N. Devillard, "Fast median search: an ANSI C
 * implementation", 1998), and the result is a load at the computed index: on noisy data the
 * comparisons of a median are coin flips, which as branches would be mispredicted half the time, and
 * a short dependency chain lets the processor overlap the median with the work around it. The result
 * is one of the inputs — the 3rd smallest — so it equals the median of a full sort exactly (up to the
 * sign of a zero). Inputs must not be NaN.
 *
 * @example
 * median5(9, 1, 5, 2, 7); // 5
 */
export function median5(p0: number, p1: number, p2: number, p3: number, p4: number): number {
  // lij = 1 when the later value xj sorts before the earlier xi (i < j).
  const l01 = +(p1 < p0);
  const l02 = +(p2 < p0);
  const l03 = +(p3 < p0);
  const l04 = +(p4 < p0);
  const l12 = +(p2 < p1);
  const l13 = +(p3 < p1);
  const l14 = +(p4 < p1);
  const l23 = +(p3 < p2);
  const l24 = +(p4 < p2);
  const l34 = +(p4 < p3);
  const r1 = 1 - l01 + l12 + l13 + l14;
  const r2 = 2 - l02 - l12 + l23 + l24;
  const r3 = 3 - l03 - l13 - l23 + l34;
  const r4 = 4 - l04 - l14 - l24 - l34;
  const s = S;
  s[0] = p0;
  s[1] = p1;
  s[2] = p2;
  s[3] = p3;
  s[4] = p4;
  // Index of the input of rank 2 (0 when none of x1..x4 has it).
  return s[+(r1 === 2) + 2 * +(r2 === 2) + 3 * +(r3 === 2) + 4 * +(r4 === 2)];
}
