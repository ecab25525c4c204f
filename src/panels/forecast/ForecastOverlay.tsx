import { useLayoutEffect, useRef } from 'react';
import type uPlot from 'uplot';

import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';
import { type UPlotConfigBuilder } from '@grafana/ui';

import { type ForecastSummary } from './summarizeForecast';

interface Props {
  config: UPlotConfigBuilder;
  theme: GrafanaTheme2;
  /** Drawn series, soonest crossing first; the first `labelled` get a call-out, the rest a dot. */
  summaries: ForecastSummary[];
  colors: Map<string, string>;
  /** The y-scale the series are drawn on (the scale of their `actual` field). */
  scaleKey?: string;
  /** Threshold text for the line's label, e.g. `90%` in the field's unit. */
  formatValue: (value: number) => string;
  showNow: boolean;
  showThreshold: boolean;
  labelled?: number;
}

/**
 * uPlot hooks for what the stock time series lacks: the "now" marker at the forecast origin, the threshold line,
 * and the predicted crossing — a dot where the forecast reaches the threshold and a call-out such as
 * `90 % in 3 d 4 h`. Drawn on uPlot's canvas, so they follow zoom, resize and theme.
 */
export function ForecastOverlay(props: Props) {
  const latest = useRef(props);
  // The uPlot hooks are registered once per config; they read the newest props through this ref.
  useLayoutEffect(() => {
    latest.current = props;
  });
  const { config } = props;

  useLayoutEffect(() => {
    config.addHook('draw', (u: uPlot) => draw(u, latest.current));
  }, [config]);
  return null;
}

function draw(u: uPlot, p: Props) {
  const { ctx, bbox } = u;
  const px = window.devicePixelRatio || 1;
  const scaleKey = p.scaleKey ?? u.series.find((s, i) => i > 0 && s.scale)?.scale;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  ctx.font = `${12 * px}px ${p.theme.typography.fontFamily}`;
  ctx.textBaseline = 'top';

  if (p.showNow) {
    const nows = new Set(p.summaries.map((s) => s.nowMs).filter((n): n is number => n !== undefined));
    for (const now of nows) {
      const x = Math.round(u.valToPos(now, 'x', true));
      ctx.strokeStyle = p.theme.colors.text.secondary;
      ctx.lineWidth = px;
      ctx.setLineDash([4 * px, 4 * px]);
      ctx.beginPath();
      ctx.moveTo(x, bbox.top);
      ctx.lineTo(x, bbox.top + bbox.height);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = p.theme.colors.text.secondary;
      ctx.textAlign = 'left';
      ctx.fillText('now', x + 4 * px, bbox.top + 2 * px);
    }
  }

  if (p.showThreshold && scaleKey) {
    const thresholds = new Set(p.summaries.map((s) => s.threshold).filter((t): t is number => t !== undefined));
    const color = p.theme.colors.error.main;
    for (const threshold of thresholds) {
      const y = Math.round(u.valToPos(threshold, scaleKey, true));
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5 * px;
      ctx.setLineDash([10 * px, 6 * px]);
      ctx.beginPath();
      ctx.moveTo(bbox.left, y);
      ctx.lineTo(bbox.left + bbox.width, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = p.theme.colors.error.text;
      ctx.textAlign = 'left';
      ctx.fillText(`threshold ${p.formatValue(threshold)}`, bbox.left + 4 * px, y - 16 * px);
    }

    const labelled = p.labelled ?? 3;
    p.summaries.forEach((s, index) => {
      if (typeof s.crossingMs !== 'number' || s.threshold === undefined) {
        return;
      }
      const x = u.valToPos(s.crossingMs, 'x', true);
      const y = u.valToPos(s.threshold, scaleKey, true);
      ctx.fillStyle = p.colors.get(s.seriesKey) ?? color;
      ctx.strokeStyle = p.theme.colors.background.primary;
      ctx.lineWidth = 2 * px;
      ctx.beginPath();
      ctx.arc(x, y, 5 * px, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      if (index < labelled && s.crossingText) {
        callout(
          ctx,
          p.theme,
          s.crossingText,
          p.colors.get(s.seriesKey) ?? color,
          x,
          y + (10 + index * 22) * px,
          bbox,
          px
        );
      }
    });
  }
  ctx.restore();
}

/** A text label with a background box so it stays readable over the cone and the grid. */
function callout(
  ctx: CanvasRenderingContext2D,
  theme: GrafanaTheme2,
  text: string,
  /** The series colour, so the call-out reads as belonging to its line. */
  border: string,
  x: number,
  y: number,
  bbox: { left: number; width: number },
  px: number
) {
  const padding = 4 * px;
  const width = ctx.measureText(text).width + 2 * padding;
  const height = 18 * px;
  const left = Math.min(Math.max(bbox.left, x - width / 2), bbox.left + bbox.width - width);
  ctx.fillStyle = colorManipulator.alpha(theme.colors.background.primary, 0.9);
  ctx.strokeStyle = border;
  ctx.lineWidth = 1.5 * px;
  ctx.beginPath();
  ctx.roundRect(left, y, width, height, 3 * px);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = theme.colors.text.primary;
  ctx.textAlign = 'left';
  ctx.fillText(text, left + padding, y + 3 * px);
}
