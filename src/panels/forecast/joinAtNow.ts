/** The drawn forecast of one series: point forecast and prediction-interval bounds. */
export interface ForecastLines<T extends number | null> {
  forecast: T[];
  lower?: T[];
  upper?: T[];
}

const missing = (v: number | null | undefined): boolean => v == null || Number.isNaN(v);

/**
 * Joins the forecast to the history at "now" so the chart shows one continuous line: at the last observed sample
 * before the forecast starts, `forecast`, `lower` and `upper` take the observed value (the cone opens from a point).
 * Only fills values that are missing there; returns the input arrays unchanged when the series already join, have
 * no history or no forecast. Never mutates its input.
 *
 * @example joinAtNow([1, 2, null, null], { forecast: [null, null, 3, 4] }).forecast // [null, 2, 3, 4]
 */
export function joinAtNow<T extends number | null>(actual: T[], lines: ForecastLines<T>): ForecastLines<T> {
  const first = lines.forecast.findIndex((v) => !missing(v));
  // No forecast, or it starts on an observed sample: the lines already meet.
  if (first <= 0 || !missing(actual[first])) {
    return lines;
  }
  let last = first - 1;
  while (last >= 0 && missing(actual[last])) {
    last--;
  }
  if (last < 0) {
    return lines;
  }
  const join = (values: T[] | undefined): T[] | undefined => {
    if (!values || !missing(values[last])) {
      return values;
    }
    const copy = values.slice();
    copy[last] = actual[last];
    return copy;
  };
  return { forecast: join(lines.forecast)!, lower: join(lines.lower), upper: join(lines.upper) };
}
