import React from 'react';

import { type DataFrame, dateTimeFormat, type Field, formattedValueToString } from '@grafana/data';
import { type TimeZone } from '@grafana/schema';
import { useStyles2, useTheme2, VizTooltipHeader, VizTooltipWrapper } from '@grafana/ui';

import { type AlignedSeries } from '../shared/locateAlignedFields';
import { getTooltipStyles } from '../shared/tooltipStyles';
import { severityOf, severityTextColor, type SeverityThresholds } from './severity';

interface Props {
  alignedFrame: DataFrame;
  located: AlignedSeries[];
  names: string[];
  colors: string[];
  dataIdxs: Array<number | null>;
  /** uPlot series index under the pointer, if any. */
  hoveredIdx: number | null;
  isPinned: boolean;
  timeZone: TimeZone;
  thresholds: SeverityThresholds;
  /** Scores from here on are coloured by severity. */
  scoreThreshold: number;
  /** Most rows shown; the hovered series and the highest scores come first. Defaults to 8. */
  maxRows?: number;
}

interface Row {
  name: string;
  color: string;
  actual: string;
  expected: string;
  band: string;
  score: number;
  scoreText: string;
  hovered: boolean;
}

function format(field: Field | undefined, index: number): string {
  if (!field) {
    return '–';
  }
  const value = field.values[index];
  if (value == null || Number.isNaN(value)) {
    return '–';
  }
  return field.display ? formattedValueToString(field.display(value)) : String(value);
}

/** Tooltip of the anomaly panel: per series, actual, expected, the band and the anomaly score at the hovered time. */
export function AnomalyTooltip(props: Props) {
  const styles = useStyles2(getTooltipStyles);
  const theme = useTheme2();
  const { alignedFrame, located, dataIdxs, hoveredIdx, isPinned, timeZone, thresholds, maxRows = 8 } = props;
  const xIdx = dataIdxs[0] ?? dataIdxs.find((i) => i != null) ?? null;
  if (xIdx == null) {
    return null;
  }
  const f = alignedFrame.fields;
  const rows: Row[] = [];
  located.forEach((l, i) => {
    if (l.actual == null) {
      return;
    }
    const at = dataIdxs[l.actual] ?? xIdx;
    const rawScore = l.score != null ? f[l.score].values[at] : null;
    const score = rawScore == null || Number.isNaN(rawScore) ? NaN : rawScore;
    const lower = format(l.lower != null ? f[l.lower] : undefined, at);
    const upper = format(l.upper != null ? f[l.upper] : undefined, at);
    rows.push({
      name: props.names[i],
      color: props.colors[i],
      actual: format(f[l.actual], at),
      expected: format(l.expected != null ? f[l.expected] : undefined, at),
      band: lower === '–' && upper === '–' ? '–' : `${lower} – ${upper}`,
      score,
      scoreText: Number.isNaN(score) ? (l.score != null ? 'warming up' : '–') : score.toFixed(2),
      hovered: hoveredIdx != null && [l.actual, l.expected, l.lower, l.upper].includes(hoveredIdx),
    });
  });
  rows.sort((a, b) => Number(b.hovered) - Number(a.hovered) || (b.score || -1) - (a.score || -1));
  const shown = rows.slice(0, maxRows);

  return (
    <VizTooltipWrapper>
      <VizTooltipHeader
        item={{ label: '', value: dateTimeFormat(f[0].values[xIdx], { timeZone }) }}
        isPinned={isPinned}
      />
      <table className={styles.table} data-testid="foresight-anomaly-tooltip">
        <thead>
          <tr>
            <th scope="col">Series</th>
            <th scope="col">Actual</th>
            <th scope="col">Expected</th>
            <th scope="col">Band</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.name} className={row.hovered ? styles.hovered : undefined}>
              <th scope="row">
                <span className={styles.swatch} style={{ background: row.color }} />
                {row.name}
              </th>
              <td>{row.actual}</td>
              <td>{row.expected}</td>
              <td>{row.band}</td>
              <td
                style={
                  row.score >= props.scoreThreshold
                    ? { color: severityTextColor(severityOf(row.score, thresholds), theme), fontWeight: 500 }
                    : undefined
                }
              >
                {row.scoreText}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <div className={styles.more}>+{rows.length - shown.length} more series</div>}
    </VizTooltipWrapper>
  );
}
