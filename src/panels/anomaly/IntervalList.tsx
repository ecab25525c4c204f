import { css } from '@emotion/css';
import React, { useRef } from 'react';

import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import { type TimeZone } from '@grafana/schema';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { formatDuration } from '../shared/formatDuration';
import { type AnomalyInterval } from './extractIntervals';
import { severityColor, severityOf, type SeverityThresholds, textOn } from './severity';

interface Props {
  intervals: AnomalyInterval[];
  /** Intervals of the drawn series (the list may show fewer rows). */
  total: number;
  /** Intervals of series that are not drawn (top-N): counted in the header, not listed. */
  notDrawn?: number;
  thresholds: SeverityThresholds;
  timeZone: TimeZone;
  height: number;
  onSelect: (interval: AnomalyInterval) => void;
}

const DIRECTION_TEXT = { above: 'above', below: 'below', mixed: 'above & below' } as const;

/**
 * The anomalous intervals in the time range, most severe first. Each row is a button: a click, Enter or Space zooms
 * the dashboard to the interval; ↑/↓, Home and End move between rows.
 */
export function IntervalList({ intervals, total, notDrawn = 0, thresholds, timeZone, height, onSelect }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const listRef = useRef<HTMLUListElement>(null);

  const onKeyDown = (event: React.KeyboardEvent<HTMLButtonElement>) => {
    const buttons = Array.from(listRef.current?.querySelectorAll('button') ?? []);
    const index = buttons.indexOf(event.currentTarget);
    const target =
      event.key === 'ArrowDown'
        ? buttons[Math.min(buttons.length - 1, index + 1)]
        : event.key === 'ArrowUp'
          ? buttons[Math.max(0, index - 1)]
          : event.key === 'Home'
            ? buttons[0]
            : event.key === 'End'
              ? buttons[buttons.length - 1]
              : undefined;
    if (target) {
      event.preventDefault();
      target.focus();
    }
  };

  return (
    <section className={styles.section} style={{ height }} aria-label="Anomalous intervals">
      <div className={styles.header}>
        <span>
          {total === 0
            ? `No anomalous intervals in ${notDrawn > 0 ? 'the drawn series' : 'this time range'}`
            : `${total} anomalous interval${total === 1 ? '' : 's'}${intervals.length < total ? ` (top ${intervals.length} shown)` : ''}`}
          {notDrawn > 0 && ` · ${notDrawn} more in series not drawn`}
        </span>
        {total > 0 && <span className={styles.hint}>most severe first · click to zoom</span>}
      </div>
      {intervals.length > 0 && (
        <ul className={styles.list} ref={listRef}>
          {intervals.map((interval) => {
            const severity = severityOf(interval.peakScore, thresholds);
            const color = severityColor(severity, theme);
            const start = dateTimeFormat(interval.startMs, { timeZone, format: 'MMM D HH:mm' });
            const duration = formatDuration(interval.endMs - interval.startMs);
            const peak = Number.isNaN(interval.peakScore) ? '–' : interval.peakScore.toFixed(2);
            return (
              <li key={`${interval.seriesKey}@${interval.startMs}`}>
                <button
                  type="button"
                  className={styles.row}
                  onClick={() => onSelect(interval)}
                  onKeyDown={onKeyDown}
                  aria-label={`${severity} anomaly in ${interval.seriesName}, ${DIRECTION_TEXT[interval.direction]} the expected band, from ${start} for ${duration}, peak score ${peak}. Zoom to this interval.`}
                >
                  <span className={styles.severity} style={{ background: color, color: textOn(color) }}>
                    {severity}
                  </span>
                  <span className={styles.start}>{start}</span>
                  <span className={styles.duration}>{duration}</span>
                  <span className={styles.peak}>peak {peak}</span>
                  <span className={styles.direction} aria-hidden>
                    {interval.direction === 'below' ? '▼' : interval.direction === 'above' ? '▲' : '▲▼'}
                  </span>
                  <span className={styles.series}>{interval.seriesName}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({
    display: 'flex',
    flexDirection: 'column',
    borderTop: `1px solid ${theme.colors.border.weak}`,
    fontSize: theme.typography.bodySmall.fontSize,
    overflow: 'hidden',
  }),
  header: css({
    display: 'flex',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0.5, 0.25),
    color: theme.colors.text.secondary,
  }),
  hint: css({ color: theme.colors.text.secondary }),
  list: css({ listStyle: 'none', margin: 0, padding: 0, overflowY: 'auto', flex: 1 }),
  row: css({
    display: 'grid',
    gridTemplateColumns: '68px 96px 72px 76px 22px 1fr',
    alignItems: 'center',
    width: '100%',
    padding: theme.spacing(0.25, 0.5),
    background: 'none',
    border: 'none',
    borderRadius: theme.shape.radius.default,
    color: theme.colors.text.primary,
    textAlign: 'left',
    cursor: 'pointer',
    '&:hover': { background: theme.colors.action.hover },
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: -2 },
  }),
  severity: css({
    justifySelf: 'start',
    padding: theme.spacing(0, 0.75),
    borderRadius: theme.shape.radius.pill,
    fontWeight: theme.typography.fontWeightMedium,
    lineHeight: '16px',
  }),
  start: css({ fontVariantNumeric: 'tabular-nums' }),
  duration: css({ color: theme.colors.text.secondary, fontVariantNumeric: 'tabular-nums' }),
  peak: css({ fontVariantNumeric: 'tabular-nums' }),
  direction: css({ color: theme.colors.text.secondary }),
  series: css({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
});
