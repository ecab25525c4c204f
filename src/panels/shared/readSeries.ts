import { type DataFrame, type Field, FieldType, getFieldDisplayName, type Labels } from '@grafana/data';

import { FIELD } from '../../datasource/types';

/** The parts of one analysed series that the Foresight panels draw. */
export type SeriesRole = 'actual' | 'expected' | 'lower' | 'upper' | 'score' | 'anomalous' | 'forecast';

const ROLE_BY_FIELD_NAME: Record<string, SeriesRole> = {
  [FIELD.actual]: 'actual',
  [FIELD.expected]: 'expected',
  [FIELD.lower]: 'lower',
  [FIELD.upper]: 'upper',
  [FIELD.score]: 'score',
  [FIELD.anomalous]: 'anomalous',
  [FIELD.forecast]: 'forecast',
};

/** One input series and the analysis fields that belong to it. */
export interface PanelSeries {
  /** Unique within one panel render: frame index plus the series labels. */
  key: string;
  /** What the legend and the interval list call the series. */
  name: string;
  /** The input series' labels (from its numeric fields). */
  labels: Labels;
  /** Index of the frame in `data.series`. */
  frameIndex: number;
  frame: DataFrame;
  time: Field<number>;
  /** Fields found by name; a frame without Foresight names contributes its numeric fields as `actual`. */
  fields: Partial<Record<SeriesRole, Field<number | null>>>;
}

export interface ReadSeriesResult {
  series: PanelSeries[];
  /** Frames that could not be used, with a reason a user can act on. */
  problems: string[];
}

/**
 * Groups the numeric fields of Foresight frames (one frame per series, `timeseries-multi`, or several labelled
 * series in one wide frame) into series with their `actual`/`expected`/`lower`/`upper`/`score`/`anomalous`/
 * `forecast` parts. Frames from other datasources, without these names, yield one series per numeric field, so
 * the panels still draw plain time series.
 */
export function readSeries(frames: DataFrame[]): ReadSeriesResult {
  const series: PanelSeries[] = [];
  const problems: string[] = [];

  frames.forEach((frame, frameIndex) => {
    const numeric = frame.fields.filter((f) => f.type === FieldType.number);
    if (numeric.length === 0) {
      return;
    }
    const time = frame.fields.find((f) => f.type === FieldType.time) as Field<number> | undefined;
    if (!time) {
      problems.push(
        `Query ${frame.refId ?? frameIndex + 1}: the frame has no time field, so it cannot be drawn over time.`
      );
      return;
    }
    const hasRoles = numeric.some((f) => ROLE_BY_FIELD_NAME[f.name] !== undefined);
    const groups = new Map<string, PanelSeries>();
    for (const field of numeric) {
      const role = hasRoles ? ROLE_BY_FIELD_NAME[field.name] : 'actual';
      if (!role) {
        continue;
      }
      const labels = field.labels ?? {};
      const groupKey = hasRoles ? labelsKey(labels) : `${labelsKey(labels)}#${field.name}`;
      let group = groups.get(groupKey);
      if (!group) {
        group = {
          key: `${frameIndex}:${groupKey}`,
          name: '',
          labels,
          frameIndex,
          frame,
          time,
          fields: {},
        };
        groups.set(groupKey, group);
        if (!hasRoles) {
          group.name = getFieldDisplayName(field, frame, frames);
        }
      }
      group.fields[role] = field as Field<number | null>;
    }
    series.push(...groups.values());
  });

  nameSeries(series, frames);
  return { series, problems };
}

/** Stable text form of a label set, used to group fields and as a key. */
export function labelsKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',');
}

/**
 * Legend names: a name the datasource or the user set wins; otherwise the labels that differ between the series
 * (`checkout`, or `service="api", pod="a"`), falling back to the frame name or the query's refId.
 */
function nameSeries(series: PanelSeries[], frames: DataFrame[]): void {
  const common = commonLabels(series.map((s) => s.labels));
  const byRoleNames = series.filter((s) => !s.name);
  for (const s of byRoleNames) {
    const main = s.fields.actual ?? s.fields.forecast ?? s.fields.expected ?? s.fields.score;
    const configured = main?.config.displayName ?? main?.config.displayNameFromDS;
    if (configured) {
      s.name = configured;
      continue;
    }
    let distinct = Object.keys(s.labels)
      .filter((k) => common[k] !== s.labels[k] || series.length === 1)
      .sort();
    if (distinct.length === 0) {
      // Every series has the same labels (e.g. the same expression in two queries): show them all.
      distinct = Object.keys(s.labels).sort();
    }
    if (distinct.length === 1) {
      s.name = s.labels[distinct[0]];
    } else if (distinct.length > 1) {
      s.name = distinct.map((k) => `${k}="${s.labels[k]}"`).join(', ');
    } else {
      s.name = s.frame.name ?? s.frame.refId ?? `Series ${s.frameIndex + 1}`;
    }
  }
  // Two series may still read alike (same labels in two queries): suffix the refId to tell them apart.
  const counts = new Map<string, number>();
  series.forEach((s) => counts.set(s.name, (counts.get(s.name) ?? 0) + 1));
  for (const s of series) {
    if ((counts.get(s.name) ?? 0) > 1 && s.frame.refId && frames.length > 1) {
      s.name = `${s.name} (${s.frame.refId})`;
    }
  }
}

function commonLabels(all: Labels[]): Labels {
  if (all.length === 0) {
    return {};
  }
  const result: Labels = { ...all[0] };
  for (const labels of all.slice(1)) {
    for (const k of Object.keys(result)) {
      if (labels[k] !== result[k]) {
        delete result[k];
      }
    }
  }
  return result;
}
