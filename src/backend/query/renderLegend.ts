/**
 * Renders a legend template like Grafana's Prometheus data source: `{{label}}` becomes the label's
 * value (empty when missing). `__auto` and an empty template mean "no template" (undefined), so
 * Grafana names the series from its labels.
 *
 * @example renderLegend('{{job}} on {{ instance }}', { job: 'api', instance: 'a' }) // 'api on a'
 */
export function renderLegend(template: string | undefined, labels: Record<string, string>): string | undefined {
  if (template === undefined || template.trim() === '' || template === '__auto') {
    return undefined;
  }
  return template.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, name: string) => labels[name] ?? '');
}
