import { type Field, type FieldConfig } from '@grafana/data';

/**
 * A copy of `field` that legends and tooltips call `name`. Grafana caches display names in `field.state`
 * (applyFieldOverrides fills it), so both the config and the cache are set. Pass `custom` to change how the
 * chart draws the field (line style, fill, hidden from legend) without touching the user's field config.
 */
export function withDisplayName<T>(
  field: Field<T>,
  name: string,
  custom?: Record<string, unknown>,
  config?: Partial<FieldConfig>
): Field<T> {
  return {
    ...field,
    values: nanToNull(field.values),
    config: {
      ...field.config,
      ...config,
      displayName: name,
      custom: custom ? { ...(field.config.custom ?? {}), ...custom } : field.config.custom,
    },
    state: { ...field.state, displayName: name },
  };
}

/**
 * The backend sends NaN where an analysis has no value yet (the detector's warm-up); uPlot treats NaN as a number
 * and loses the whole y-scale, so the chart gets null (a gap) instead. Returns the same array when it has no NaN.
 */
export function nanToNull<T>(values: T[]): T[] {
  let i = 0;
  for (; i < values.length; i++) {
    if (typeof values[i] === 'number' && Number.isNaN(values[i])) {
      break;
    }
  }
  if (i === values.length) {
    return values;
  }
  const copy = values.slice();
  for (; i < copy.length; i++) {
    if (typeof copy[i] === 'number' && Number.isNaN(copy[i])) {
      copy[i] = null as T;
    }
  }
  return copy;
}
