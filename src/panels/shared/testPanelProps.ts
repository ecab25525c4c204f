/** Builds the PanelProps Grafana passes to a panel, for the panels' jest tests. */
import {
  applyFieldOverrides,
  createTheme,
  type DataFrame,
  type DataQueryError,
  dateTime,
  EventBusSrv,
  type FieldConfigSource,
  LoadingState,
  type PanelProps,
} from '@grafana/data';

export function testPanelProps<T>(
  options: T,
  frames: DataFrame[],
  extra: { errors?: DataQueryError[]; fieldConfig?: FieldConfigSource; range?: { from: number; to: number } } = {}
): PanelProps<T> & { onChangeTimeRange: jest.Mock } {
  const fieldConfig = extra.fieldConfig ?? { defaults: {}, overrides: [] };
  const theme = createTheme();
  const series = applyFieldOverrides({
    data: frames,
    fieldConfig,
    replaceVariables: (v: string) => v,
    theme,
    timeZone: 'utc',
  });
  let from = extra.range?.from ?? Infinity;
  let to = extra.range?.to ?? -Infinity;
  if (!extra.range) {
    for (const frame of frames) {
      const time = frame.fields.find((f) => f.type === 'time');
      if (time?.values.length) {
        from = Math.min(from, time.values[0]);
        to = Math.max(to, time.values[time.values.length - 1]);
      }
    }
    if (!Number.isFinite(from)) {
      from = 0;
      to = 3_600_000;
    }
  }
  const timeRange = { from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } };
  return {
    id: 1,
    data: {
      state: extra.errors ? LoadingState.Error : LoadingState.Done,
      series,
      errors: extra.errors,
      timeRange,
    },
    timeRange,
    timeZone: 'utc',
    options,
    fieldConfig,
    transparent: false,
    width: 800,
    height: 400,
    renderCounter: 0,
    title: 'Test',
    eventBus: new EventBusSrv(),
    replaceVariables: (v: string) => v,
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    onChangeTimeRange: jest.fn(),
  };
}
