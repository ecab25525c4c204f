import { type DataFrame } from '@grafana/data';

import { type SeriesRole } from './readSeries';

/** Where each drawn series' parts are in the joined (aligned) frame that uPlot draws: uPlot series indices. */
export type AlignedSeries = { seriesIndex: number } & Partial<Record<SeriesRole, number>>;

const ROLES = new Set<string>(['actual', 'expected', 'lower', 'upper', 'score', 'anomalous', 'forecast']);

/**
 * Maps the joined frame's fields back to the drawn series through `state.origin.frameIndex` (GraphNG keeps the
 * origin when it joins the frames) and the field name, which the panels keep as the role name.
 */
export function locateAlignedFields(alignedFrame: DataFrame, seriesCount: number): AlignedSeries[] {
  const located: AlignedSeries[] = Array.from({ length: seriesCount }, (_, seriesIndex) => ({ seriesIndex }));
  alignedFrame.fields.forEach((field, index) => {
    const frameIndex = field.state?.origin?.frameIndex;
    if (index === 0 || frameIndex == null || !located[frameIndex] || !ROLES.has(field.name)) {
      return;
    }
    located[frameIndex][field.name as SeriesRole] = index;
  });
  return located;
}
