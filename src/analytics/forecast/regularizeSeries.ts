/** A series on a regular time grid without gaps, ready for the models. */
export interface RegularSeries {
  /** Values on the grid; gaps filled by linear interpolation, counter resets stitched. */
  values: Float64Array;
  /** Grid timestamps in ms, `start + i · stepMs`. */
  timestamps: Float64Array;
  /** Sampling step in ms (the median spacing of the input). */
  stepMs: number;
  /** Offset that was added to each point to undo counter resets (all zero when there were none). */
  counterOffset: Float64Array;
  /** 1 where the grid point holds a real observation, 0 where it was filled in. */
  observed: Uint8Array;
  /** How many grid points had no finite input value and were interpolated. */
  filledPoints: number;
  /** How many counter resets were stitched. */
  counterResets: number;
  /** Messages for the user (resets stitched, duplicates dropped); the caller reports `filledPoints`. */
  notices: string[];
}

/** Median of the positive spacings between sorted timestamps. */
function medianStep(sortedTimestamps: Float64Array): number {
  const steps: number[] = [];
  for (let i = 1; i < sortedTimestamps.length; i++) {
    const step = sortedTimestamps[i] - sortedTimestamps[i - 1];
    if (step > 0) {
      steps.push(step);
    }
  }
  if (steps.length === 0) {
    throw new Error('forecast needs at least two distinct timestamps to infer the sampling step');
  }
  steps.sort((a, b) => a - b);
  return steps[Math.floor((steps.length - 1) / 2)];
}

/**
 * Detects counter resets: the series never decreases except for a few drops to a small fraction of
 * the previous value (a Prometheus counter restarting from zero). Returns the indices of the drops,
 * or an empty list when the series is not a counter (any other decrease means it is a gauge).
 */
function findCounterResets(values: Float64Array): number[] {
  const resets: number[] = [];
  let increases = 0;
  let previous = NaN;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) {
      continue;
    }
    if (value < 0) {
      return [];
    }
    if (!Number.isNaN(previous)) {
      if (value < previous) {
        if (value > 0.2 * previous) {
          return [];
        }
        resets.push(i);
      } else if (value > previous) {
        increases++;
      }
    }
    previous = value;
  }
  // A handful of drops in an otherwise rising series; anything noisier is a gauge.
  return increases >= 10 && resets.length <= Math.max(1, increases / 20) ? resets : [];
}

/**
 * Puts a series on a regular grid: sorts by time, drops duplicate timestamps (keeping the last),
 * snaps points to the median sampling step, fills missing timestamps and NaN values by linear
 * interpolation (constant beyond the ends), and stitches counter resets by carrying the value
 * before each reset forward as an offset (as Prometheus' `increase()` does).
 *
 * Complexity O(n log n) for the sort, O(grid) afterwards.
 *
 * @throws when fewer than two finite values remain
 * @example
 * regularizeSeries(Float64Array.from([1, NaN, 3]), Float64Array.from([0, 1000, 2000])).values // → [1, 2, 3]
 */
export function regularizeSeries(values: Float64Array, timestamps: Float64Array): RegularSeries {
  if (values.length !== timestamps.length) {
    throw new Error(`values (${values.length}) and timestamps (${timestamps.length}) must have the same length`);
  }
  const notices: string[] = [];
  const order = Array.from({ length: values.length }, (_, i) => i).filter((i) => Number.isFinite(timestamps[i]));
  order.sort((a, b) => timestamps[a] - timestamps[b] || a - b);
  const sortedTimes = Float64Array.from(order, (i) => timestamps[i]);
  const stepMs = medianStep(sortedTimes);
  const start = sortedTimes[0];
  const gridLength = Math.round((sortedTimes[sortedTimes.length - 1] - start) / stepMs) + 1;
  const grid = new Float64Array(gridLength).fill(NaN);
  let duplicates = 0;
  for (let k = 0; k < order.length; k++) {
    const slot = Math.round((sortedTimes[k] - start) / stepMs);
    if (!Number.isNaN(grid[slot])) {
      duplicates++;
    }
    const value = values[order[k]];
    if (Number.isFinite(value)) {
      grid[slot] = value;
    }
  }
  if (duplicates > 0) {
    notices.push(`${duplicates} points shared a time slot with another point; the later one was kept`);
  }

  const resets = findCounterResets(grid);
  const counterOffset = new Float64Array(gridLength);
  if (resets.length > 0) {
    let offset = 0;
    let resetIndex = 0;
    let lastFinite = NaN;
    for (let i = 0; i < gridLength; i++) {
      if (resetIndex < resets.length && i === resets[resetIndex]) {
        offset += lastFinite;
        resetIndex++;
      }
      if (!Number.isNaN(grid[i])) {
        lastFinite = grid[i];
        grid[i] += offset;
      }
      counterOffset[i] = offset;
    }
    notices.push(`${resets.length} counter reset${resets.length > 1 ? 's' : ''} stitched before forecasting`);
  }

  let finiteCount = 0;
  for (let i = 0; i < gridLength; i++) {
    finiteCount += Number.isNaN(grid[i]) ? 0 : 1;
  }
  if (finiteCount < 2) {
    throw new Error(`forecast needs at least two finite values, got ${finiteCount}`);
  }
  const observed = new Uint8Array(gridLength);
  for (let i = 0; i < gridLength; i++) {
    observed[i] = Number.isNaN(grid[i]) ? 0 : 1;
  }
  let filledPoints = 0;
  let previousIndex = -1;
  for (let i = 0; i <= gridLength; i++) {
    if (i < gridLength && Number.isNaN(grid[i])) {
      continue;
    }
    const gap = i - previousIndex - 1;
    if (gap > 0) {
      filledPoints += gap;
      const left = previousIndex >= 0 ? grid[previousIndex] : grid[i];
      const right = i < gridLength ? grid[i] : left;
      for (let j = previousIndex + 1; j < i; j++) {
        const fraction = (j - previousIndex) / (i - previousIndex);
        grid[j] =
          previousIndex >= 0 && i < gridLength ? left + fraction * (right - left) : previousIndex >= 0 ? left : right;
      }
    }
    previousIndex = i;
  }
  const gridTimes = new Float64Array(gridLength);
  for (let i = 0; i < gridLength; i++) {
    gridTimes[i] = start + i * stepMs;
  }
  return {
    values: grid,
    timestamps: gridTimes,
    stepMs,
    counterOffset,
    observed,
    filledPoints,
    counterResets: resets.length,
    notices,
  };
}
