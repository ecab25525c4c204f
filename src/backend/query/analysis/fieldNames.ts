/**
 * How the numeric fields of an analysed series are named in legends: with a legend template the first
 * field (the one people think of as "the series") takes the rendered legend and the others append their
 * role (`api expected`, `api upper`); without one Grafana names them from the field name and labels.
 */
export function fieldDisplayName(legend: string | undefined, fieldName: string, isMain: boolean): string | undefined {
  if (legend === undefined) {
    return undefined;
  }
  return isMain ? legend : `${legend} ${fieldName}`;
}
