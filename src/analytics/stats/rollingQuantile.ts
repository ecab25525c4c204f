/**
 * A rolling window of the last `capacity` finite values that answers median, quantiles and the median
 * absolute deviation (MAD) of the window without sorting it again.
 *
 * Keeps the values twice: in arrival order (a ring buffer, to know which value leaves) and sorted
 * (a Float64Array kept ordered by binary search + `copyWithin`). An update is O(log w) comparisons
 * plus a shift of the elements between the leaving and the arriving value, which for monitoring windows (w ≤ a few thousand) is faster
 * than a skip list or two heaps in JavaScript. Quantiles are O(1); the MAD is O(log w), found as the
 * k-th smallest distance to the median by a binary search over the two sorted runs of distances on
 * each side of the median (Hampel 1974; Rousseeuw & Croux 1993 for MAD as a scale estimator).
 * Memory is O(w), independent of the stream length; nothing is allocated per update.
 *
 * @example
 * const w = createRollingQuantile(3);
 * w.push(1); w.push(5); w.push(2); w.push(10); // window is now [5, 2, 10]
 * w.median(); // 5
 * w.mad(); // median of |x − 5| = median(0, 3, 5) = 3
 */
export interface RollingQuantile {
  /** Add a value; non-finite values are ignored. When the window is full the oldest value leaves. */
  push(value: number): void;
  /** Number of values in the window. */
  size(): number;
  /** Median of the window (NaN when empty). */
  median(): number;
  /** Quantile p ∈ [0, 1] with linear interpolation between order statistics (NaN when empty). */
  quantile(p: number): number;
  /** Median absolute deviation from the median (unscaled; multiply by 1.4826 for a normal σ). NaN when empty. */
  mad(): number;
  /** Forget every value. */
  clear(): void;
}

/** Index of the first element of sorted[0..n) that is ≥ value. */
function lowerBound(sorted: Float64Array, n: number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

export function createRollingQuantile(capacity: number): RollingQuantile {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new Error(`rolling window capacity must be a positive integer, got ${capacity}`);
  }
  const ring = new Float64Array(capacity);
  const sorted = new Float64Array(capacity);
  let head = 0; // next slot of the ring to write
  let count = 0;

  function kthDistance(center: number, split: number, k: number): number {
    // Distances left of `split` grow as the index falls: L[i] = center − sorted[split − 1 − i], i < split.
    // Distances from `split` on grow with the index: R[j] = sorted[split + j] − center, j < count − split.
    // Return the k-th smallest (0-based) of the merged runs by binary search on how many come from L.
    const nLeft = split;
    const nRight = count - split;
    let lo = Math.max(0, k + 1 - nRight);
    let hi = Math.min(k + 1, nLeft);
    // Take i values from L and k + 1 − i from R; the smallest i with L[i] ≥ R[k − i] is the split.
    while (lo < hi) {
      const i = (lo + hi) >>> 1;
      const j = k - i;
      const leftValue = center - sorted[split - 1 - i];
      const rightValue = j >= 0 && j < nRight ? sorted[split + j] - center : Infinity;
      if (leftValue < rightValue) {
        lo = i + 1;
      } else {
        hi = i;
      }
    }
    const i = lo;
    const j = k - i;
    const lastLeft = i > 0 ? center - sorted[split - i] : -Infinity;
    const lastRight = j >= 0 ? sorted[split + j] - center : -Infinity;
    return Math.max(lastLeft, lastRight);
  }

  return {
    push(value: number): void {
      if (!(value - value === 0)) {
        return; // NaN or ±Infinity
      }
      if (count === capacity) {
        // Replace the leaving value by the new one and shift only the elements between them
        // (plain loops: faster than copyWithin for the short moves of monitoring windows).
        const leaving = ring[head];
        if (value === leaving && (value !== 0 || 1 / value === 1 / leaving)) {
          // Same value in and out (a regular timestamp step, a flat stretch): the order is unchanged.
          head = head + 1 === capacity ? 0 : head + 1;
          return;
        }
        let i = lowerBound(sorted, count, leaving);
        if (value > leaving) {
          while (i + 1 < count && sorted[i + 1] < value) {
            sorted[i] = sorted[i + 1];
            i++;
          }
        } else {
          while (i > 0 && sorted[i - 1] > value) {
            sorted[i] = sorted[i - 1];
            i--;
          }
        }
        sorted[i] = value;
      } else {
        let i = count;
        while (i > 0 && sorted[i - 1] > value) {
          sorted[i] = sorted[i - 1];
          i--;
        }
        sorted[i] = value;
        count++;
      }
      ring[head] = value;
      head = head + 1 === capacity ? 0 : head + 1;
    },
    size(): number {
      return count;
    },
    median(): number {
      if (count === 0) {
        return NaN;
      }
      const mid = count >> 1;
      return count & 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    },
    quantile(p: number): number {
      if (count === 0) {
        return NaN;
      }
      const pos = Math.min(Math.max(p, 0), 1) * (count - 1);
      const lo = Math.floor(pos);
      const hi = Math.min(lo + 1, count - 1);
      return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    },
    mad(): number {
      if (count === 0) {
        return NaN;
      }
      const center = this.median();
      const split = lowerBound(sorted, count, center);
      const mid = count >> 1;
      if (count & 1) {
        return kthDistance(center, split, mid);
      }
      return 0.5 * (kthDistance(center, split, mid - 1) + kthDistance(center, split, mid));
    },
    clear(): void {
      head = 0;
      count = 0;
    },
  };
}
