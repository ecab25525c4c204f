import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

/** Escapes regular-expression metacharacters (and the backslash PromQL strings need for them). */
function escapeRegex(value: string): string {
  return value.replace(/[\\^$*+?.()|[\]{}]/g, '\\\\$&');
}

interface VariableLike {
  multi?: boolean;
  includeAll?: boolean;
}

/**
 * Formats a variable value the way Prometheus and Loki expect it in a selector, as Grafana's own
 * datasources do: a single-value variable is inserted as written; a multi-value or "All" variable is
 * regex-escaped and joined as `(a|b)` so `label=~"$var"` matches any of the selected values.
 */
export function formatSelectorValue(value: string | string[], variable?: VariableLike): string {
  if (Array.isArray(value)) {
    return value.length === 1 ? escapeRegex(value[0]) : `(${value.map(escapeRegex).join('|')})`;
  }
  if (variable?.multi || variable?.includeAll) {
    return escapeRegex(value);
  }
  return value;
}

/** Replaces dashboard variables in a PromQL/LogQL expression. */
export function interpolateExpr(templateSrv: TemplateSrv, expr: string, scopedVars: ScopedVars): string {
  return templateSrv.replace(expr, scopedVars, formatSelectorValue);
}
