import { useLayoutEffect, useRef } from 'react';
import type uPlot from 'uplot';

import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';
import { type UPlotConfigBuilder } from '@grafana/ui';

import { type AlignedSeries } from '../shared/locateAlignedFields';
import { type AnomalyInterval } from './extractIntervals';
import { severityColor, severityOf, type SeverityThresholds } from './severity';

/** Height of the score lane drawn between the plot and the time axis labels, in CSS px. */
export const SCORE_LANE_PX = 10;
const LANE_GAP_PX = 3;

interface Props {
  config: UPlotConfigBuilder;
  theme: GrafanaTheme2;
  located: AlignedSeries[];
  intervals: AnomalyInterval[];
  thresholds: SeverityThresholds;
  /** For frames without `anomalous`: the score from which a point is marked. */
  scoreThreshold: number;
  showMarkers: boolean;
  showScoreLane: boolean;
}

/**
 * uPlot hooks that draw what the stock time series cannot: anomalous intervals shaded behind the series, anomalous
 * points ringed in their severity colour, and the score lane — a strip under the plot area, coloured by the highest
 * score of the drawn series at each pixel column (hatched while the detector warms up).
 * Everything is drawn on uPlot's own canvas so it follows zoom, resize and the theme.
 */
export function AnomalyOverlay(props: Props) {
  const latest = useRef(props);
  // The uPlot hooks are registered once per config; they read the newest props through this ref.
  useLayoutEffect(() => {
    latest.current = props;
  });
  const { config } = props;

  useLayoutEffect(() => {
    config.addHook('init', (u: uPlot) => {
      if (!latest.current.showScoreLane) {
        return;
      }
      // Make room for the lane between the plot and the time labels: the axis sizes itself from its gap.
      const xAxis = u.axes.find((a) => a.scale === 'x' && a.side === 2);
      if (xAxis) {
        xAxis.gap = (xAxis.gap ?? 5) + SCORE_LANE_PX + LANE_GAP_PX;
      }
    });
    config.addHook('drawClear', (u: uPlot) => {
      const p = latest.current;
      if (p.showMarkers) {
        shadeIntervals(u, p);
      }
    });
    config.addHook('draw', (u: uPlot) => {
      const p = latest.current;
      if (p.showMarkers) {
        markPoints(u, p);
      }
      if (p.showScoreLane) {
        drawScoreLane(u, p);
      }
    });
  }, [config]);

  return null;
}

function visibleRange(u: uPlot): [number, number] {
  const xs = u.data[0] as number[];
  const { min, max } = u.scales.x;
  return [lowerBound(xs, min ?? xs[0]), upperBound(xs, max ?? xs[xs.length - 1])];
}

function lowerBound(xs: number[], value: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

function upperBound(xs: number[], value: number): number {
  return Math.min(xs.length - 1, lowerBound(xs, value));
}

function shadeIntervals(u: uPlot, p: Props) {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  for (const interval of p.intervals) {
    const x0 = u.valToPos(interval.startMs, 'x', true);
    const x1 = u.valToPos(interval.endMs, 'x', true);
    if (x1 < bbox.left || x0 > bbox.left + bbox.width) {
      continue;
    }
    const color = severityColor(severityOf(interval.peakScore, p.thresholds), p.theme);
    ctx.fillStyle = colorManipulator.alpha(color, p.theme.isDark ? 0.14 : 0.12);
    ctx.fillRect(x0, bbox.top, Math.max(x1 - x0, 2 * uPlotPxRatio()), bbox.height);
  }
  ctx.restore();
}

function markPoints(u: uPlot, p: Props) {
  const { ctx, bbox } = u;
  const [i0, i1] = visibleRange(u);
  const radius = 3.5 * uPlotPxRatio();
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  ctx.lineWidth = 1.5 * uPlotPxRatio();
  ctx.strokeStyle = p.theme.colors.background.primary;
  for (const located of p.located) {
    if (located.actual == null || !u.series[located.actual]?.show) {
      continue;
    }
    const xs = u.data[0] as number[];
    const actual = u.data[located.actual] as Array<number | null>;
    const flags = located.anomalous != null ? (u.data[located.anomalous] as Array<number | null>) : null;
    const scores = located.score != null ? (u.data[located.score] as Array<number | null>) : null;
    const scaleKey = u.series[located.actual].scale!;
    for (let i = i0; i <= i1; i++) {
      const value = actual[i];
      if (value == null) {
        continue;
      }
      const score = scores?.[i] ?? NaN;
      const flagged = flags ? flags[i] != null && flags[i] !== 0 : score >= p.scoreThreshold;
      if (!flagged) {
        continue;
      }
      ctx.fillStyle = severityColor(severityOf(score, p.thresholds), p.theme);
      ctx.beginPath();
      ctx.arc(u.valToPos(xs[i], 'x', true), u.valToPos(value, scaleKey, true), radius, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
  }
  ctx.restore();
}

function drawScoreLane(u: uPlot, p: Props) {
  const { ctx, bbox } = u;
  const px = uPlotPxRatio();
  const top = bbox.top + bbox.height + LANE_GAP_PX * px;
  const height = SCORE_LANE_PX * px;
  const columns = Math.max(1, Math.ceil(bbox.width));
  const peak = new Float64Array(columns).fill(-1);
  const hasData = new Uint8Array(columns);
  const [i0, i1] = visibleRange(u);
  const xs = u.data[0] as number[];
  let anyScore = false;
  for (const located of p.located) {
    if (located.score == null) {
      continue;
    }
    anyScore = true;
    const scores = u.data[located.score] as Array<number | null>;
    for (let i = i0; i <= i1; i++) {
      const column = Math.floor(u.valToPos(xs[i], 'x', true) - bbox.left);
      if (column < 0 || column >= columns) {
        continue;
      }
      hasData[column] = 1;
      const score = scores[i];
      if (score != null && score > peak[column]) {
        peak[column] = score;
      }
    }
  }
  if (!anyScore) {
    return;
  }
  ctx.save();
  ctx.fillStyle = p.theme.colors.background.secondary;
  ctx.fillRect(bbox.left, top, bbox.width, height);
  // Columns without a sample inherit their left neighbour, so sparse data still reads as a continuous strip.
  let last = -1;
  let lastHasData = false;
  const warmup = p.theme.colors.text.disabled;
  for (let c = 0; c < columns; c++) {
    let score = peak[c];
    let covered = hasData[c] === 1;
    if (!covered && lastHasData) {
      score = last;
      covered = true;
    }
    if (covered && score < 0) {
      // Scored by nobody yet: the detector is warming up. Hatch it.
      if (c % 4 < 2) {
        ctx.fillStyle = colorManipulator.alpha(warmup, 0.5);
        ctx.fillRect(bbox.left + c, top, 1, height);
      }
    } else if (covered && score >= 0) {
      const color =
        score >= p.scoreThreshold
          ? severityColor(severityOf(score, p.thresholds), p.theme)
          : p.theme.colors.success.main;
      ctx.fillStyle = colorManipulator.alpha(
        color,
        score >= p.scoreThreshold ? 0.35 + 0.65 * score : 0.12 + 0.5 * score
      );
      ctx.fillRect(bbox.left + c, top, 1, height);
    }
    if (hasData[c] === 1) {
      last = peak[c];
      lastHasData = true;
    }
  }
  ctx.restore();
}

function uPlotPxRatio(): number {
  return typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
}
