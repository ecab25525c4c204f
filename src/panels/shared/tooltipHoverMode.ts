import { type TooltipPlugin2 } from '@grafana/ui';
import type React from 'react';

type HoverMode = React.ComponentProps<typeof TooltipPlugin2>['hoverMode'];

/**
 * `TooltipHoverMode` is a `const enum` that @grafana/ui does not export at runtime, so its values are spelled here
 * (xOne = 0: the hovered series; xAll = 1: every series at the hovered time).
 */
export const HOVER_ONE_SERIES = 0 as HoverMode;
export const HOVER_ALL_SERIES = 1 as HoverMode;
