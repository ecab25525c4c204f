import { css } from '@emotion/css';
import React from 'react';

import { type DataFrame, dateTimeFormat, type Field, formattedValueToString, type GrafanaTheme2 } from '@grafana/data';
import { type TimeZone } from '@grafana/schema';
import { useStyles2, VizTooltipHeader, VizTooltipWrapper } from '@grafana/ui';

import { type AlignedSeries } from '../shared/locateAlignedFields';

interface Props {
  alignedFrame: DataFrame;
  located: AlignedSeries[];
  names: string[];
  colors: string[];
  dataIdxs: Array<number | null>;
  isPinned: boolean;
  timeZone: TimeZone;
  /** Defaults to 8. */
  maxRows?: number;
}

function value(field: Field | undefined, index: number): string | undefined {
  const v = field?.values[index];
  if (v == null || Number.isNaN(v)) {
    return undefined;
  }
  return field!.display ? formattedValueToString(field!.display(v)) : String(v);
}

/** Tooltip of the forecast panel: per series, the observed value or the forecast with its prediction interval. */
export function ForecastTooltip({
  alignedFrame,
  located,
  names,
  colors,
  dataIdxs,
  isPinned,
  timeZone,
  maxRows = 8,
}: Props) {
  const styles = useStyles2(getStyles);
  const xIdx = dataIdxs[0] ?? dataIdxs.find((i) => i != null) ?? null;
  if (xIdx == null) {
    return null;
  }
  const f = alignedFrame.fields;
  const rows = located.flatMap((l, i) => {
    const actual = value(l.actual != null ? f[l.actual] : undefined, xIdx);
    const forecast = value(l.forecast != null ? f[l.forecast] : undefined, xIdx);
    const lower = value(l.lower != null ? f[l.lower] : undefined, xIdx);
    const upper = value(l.upper != null ? f[l.upper] : undefined, xIdx);
    if (actual === undefined && forecast === undefined) {
      return [];
    }
    return [
      {
        name: names[i],
        color: colors[i],
        kind: actual !== undefined ? 'observed' : 'forecast',
        value: actual ?? forecast!,
        interval: actual === undefined && lower !== undefined && upper !== undefined ? `${lower} – ${upper}` : '',
      },
    ];
  });
  return (
    <VizTooltipWrapper>
      <VizTooltipHeader
        item={{ label: '', value: dateTimeFormat(f[0].values[xIdx], { timeZone }) }}
        isPinned={isPinned}
      />
      <table className={styles.table} data-testid="foresight-forecast-tooltip">
        <tbody>
          {rows.slice(0, maxRows).map((row) => (
            <tr key={row.name}>
              <th scope="row">
                <span className={styles.swatch} style={{ background: row.color }} />
                {row.name}
              </th>
              <td className={styles.kind}>{row.kind}</td>
              <td>{row.value}</td>
              <td className={styles.kind}>{row.interval}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > maxRows && <div className={styles.kind}>+{rows.length - maxRows} more series</div>}
    </VizTooltipWrapper>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    margin: theme.spacing(0.5, 1, 1),
    'th, td': { padding: theme.spacing(0.25, 1), textAlign: 'right', whiteSpace: 'nowrap' },
    'th[scope=row]': { textAlign: 'left', fontWeight: theme.typography.fontWeightMedium },
  }),
  kind: css({ color: theme.colors.text.secondary }),
  swatch: css({
    display: 'inline-block',
    width: 10,
    height: 3,
    marginRight: theme.spacing(0.75),
    verticalAlign: 'middle',
    borderRadius: 1,
  }),
});
