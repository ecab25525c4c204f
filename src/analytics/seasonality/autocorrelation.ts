/** Above this many multiply-adds the direct sum is slower than the FFT route. */
const DIRECT_LIMIT = 2_000_000;

/**
 * Sample autocorrelation r(0..maxLag) of a zero-mean series, each lag normalised by its overlap:
 *
 *   r(k) = [ Σ_{i≥k} x_i·x_{i−k} / (n − k) ] / [ Σ x_i² / n ]
 *
 * The overlap normalisation keeps long lags from shrinking towards 0 just because fewer pairs overlap
 * (the biased textbook estimator would make a week look weaker than a day), at the price of a noisier
 * estimate there: its standard error for white noise is about 1/√(n − k).
 *
 * Small problems are summed directly (O(n · maxLag)); larger ones go through the power spectrum
 * (Wiener–Khinchin: the autocovariance is the inverse transform of |FFT(x)|², zero-padded to at least
 * 2n so that the circular correlation equals the linear one), O(n log n) whatever the lag range, so a
 * year of hourly data (33 k points, every lag up to half) costs milliseconds instead of half a
 * billion multiply-adds.
 *
 * Reference: Box, Jenkins & Reinsel, "Time Series Analysis", §2.1.6; Press et al., "Numerical
 * Recipes", §13.2 (correlation by FFT).
 *
 * @param values zero-mean, gap-free series (subtract the mean first); r is all zeros for a constant 0
 * @param maxLag the longest lag, at most n − 1
 * @example
 * autocorrelation(Float64Array.from([1, -1, 1, -1]), 2); // [1, -1, 1]
 */
export function autocorrelation(values: Float64Array, maxLag: number): Float64Array {
  const n = values.length;
  const lags = Math.max(0, Math.min(Math.floor(maxLag), n - 1));
  const covariance = n * (lags + 1) <= DIRECT_LIMIT ? directSums(values, lags) : spectralSums(values, lags);
  const acf = new Float64Array(lags + 1);
  const variance = covariance[0] / n;
  if (!(variance > 0)) {
    return acf;
  }
  for (let k = 0; k <= lags; k++) {
    acf[k] = covariance[k] / (n - k) / variance;
  }
  return acf;
}

/** Σ x_i·x_{i−k} for k = 0..lags, summed directly. */
function directSums(x: Float64Array, lags: number): Float64Array {
  const n = x.length;
  const sums = new Float64Array(lags + 1);
  for (let k = 0; k <= lags; k++) {
    let sum = 0;
    for (let i = k; i < n; i++) {
      sum += x[i] * x[i - k];
    }
    sums[k] = sum;
  }
  return sums;
}

/** Σ x_i·x_{i−k} for k = 0..lags from the power spectrum of the zero-padded series. */
function spectralSums(x: Float64Array, lags: number): Float64Array {
  const n = x.length;
  let size = 1;
  while (size < 2 * n) {
    size *= 2;
  }
  const real = new Float64Array(size);
  const imaginary = new Float64Array(size);
  real.set(x);
  fft(real, imaginary);
  for (let i = 0; i < size; i++) {
    real[i] = real[i] * real[i] + imaginary[i] * imaginary[i];
    imaginary[i] = 0;
  }
  // The power spectrum is real and even, so a forward transform equals size × the inverse one.
  fft(real, imaginary);
  const sums = new Float64Array(lags + 1);
  for (let k = 0; k <= lags; k++) {
    sums[k] = real[k] / size;
  }
  return sums;
}

/** In-place iterative radix-2 Cooley–Tukey FFT; the length must be a power of two. */
function fft(real: Float64Array, imaginary: Float64Array): void {
  const size = real.length;
  for (let i = 1, j = 0; i < size; i++) {
    let bit = size >> 1;
    for (; j & bit; bit >>= 1) {
      j ^= bit;
    }
    j ^= bit;
    if (i < j) {
      const re = real[i];
      real[i] = real[j];
      real[j] = re;
      const im = imaginary[i];
      imaginary[i] = imaginary[j];
      imaginary[j] = im;
    }
  }
  for (let length = 2; length <= size; length *= 2) {
    const angle = (-2 * Math.PI) / length;
    const stepRe = Math.cos(angle);
    const stepIm = Math.sin(angle);
    const half = length / 2;
    for (let start = 0; start < size; start += length) {
      let wRe = 1;
      let wIm = 0;
      for (let k = 0; k < half; k++) {
        const a = start + k;
        const b = a + half;
        const tRe = real[b] * wRe - imaginary[b] * wIm;
        const tIm = real[b] * wIm + imaginary[b] * wRe;
        real[b] = real[a] - tRe;
        imaginary[b] = imaginary[a] - tIm;
        real[a] += tRe;
        imaginary[a] += tIm;
        const nextRe = wRe * stepRe - wIm * stepIm;
        wIm = wRe * stepIm + wIm * stepRe;
        wRe = nextRe;
      }
    }
  }
}
