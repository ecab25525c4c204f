/** @jest-environment node */
import { renderLegend } from './renderLegend';

describe('renderLegend', () => {
  it.each([
    ['{{service}} rps', { service: 'api' }, 'api rps'],
    ['{{ service }}/{{instance}}', { service: 'api', instance: 'a:1' }, 'api/a:1'],
    ['{{missing}}-x', { service: 'api' }, '-x'],
    ['static name', { service: 'api' }, 'static name'],
    ['{{__name__}}', { __name__: 'up' }, 'up'],
  ])('renders %p with %j as %p', (template, labels, expected) => {
    expect(renderLegend(template, labels)).toBe(expected);
  });

  it.each([undefined, '', '  ', '__auto'])('treats %p as no template, so Grafana names the series from its labels', (template) => {
    expect(renderLegend(template, { service: 'api' })).toBeUndefined();
  });
});
