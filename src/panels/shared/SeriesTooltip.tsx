import React from 'react';

import {
  type DataFrame,
  type Field,
  FieldType,
  formattedValueToString,
  getFieldDisplayName,
  dateTimeFormat,
} from '@grafana/data';
import { type TimeZone } from '@grafana/schema';
import { VizTooltipContent, VizTooltipHeader, VizTooltipWrapper, type VizTooltipItem } from '@grafana/ui';

interface Props {
  alignedFrame: DataFrame;
  dataIdxs: Array<number | null>;
  seriesIdx: number | null;
  isPinned: boolean;
  timeZone: TimeZone;
}

/** A plain tooltip for the shell panels: the time, then each visible field's value at the hovered time. */
export function SeriesTooltip({ alignedFrame, dataIdxs, seriesIdx, isPinned, timeZone }: Props) {
  const xIdx = dataIdxs.find((i) => i != null) ?? null;
  const time = alignedFrame.fields[0];
  if (xIdx == null || !time) {
    return null;
  }
  const items: VizTooltipItem[] = [];
  alignedFrame.fields.forEach((field: Field, i) => {
    if (i === 0 || field.type !== FieldType.number || field.config.custom?.hideFrom?.tooltip) {
      return;
    }
    const idx = dataIdxs[i] ?? xIdx;
    const value = field.values[idx];
    const display = field.display?.(value);
    items.push({
      label: getFieldDisplayName(field, alignedFrame),
      value: display ? formattedValueToString(display) : String(value ?? '–'),
      color: display?.color,
      isActive: seriesIdx === i,
    });
  });
  return (
    <VizTooltipWrapper>
      <VizTooltipHeader
        item={{ label: '', value: dateTimeFormat(time.values[xIdx], { timeZone }) }}
        isPinned={isPinned}
      />
      <VizTooltipContent items={items} isPinned={isPinned} scrollable maxHeight={320} />
    </VizTooltipWrapper>
  );
}
