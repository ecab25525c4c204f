import React from 'react';

import { type DataFrame, dateTimeFormat, type Field, formattedValueToString } from '@grafana/data';
import { type TimeZone } from '@grafana/schema';
import { useStyles2, VizTooltipHeader, VizTooltipWrapper } from '@grafana/ui';

import { type AlignedSeries } from '../shared/locateAlignedFields';
import { getTooltipStyles } from '../shared/tooltipStyles';

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
  const styles = useStyles2(getTooltipStyles);
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
              <td className={styles.muted}>{row.kind}</td>
              <td>{row.value}</td>
              <td className={styles.muted}>{row.interval}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > maxRows && <div className={styles.more}>+{rows.length - maxRows} more series</div>}
    </VizTooltipWrapper>
  );
}
