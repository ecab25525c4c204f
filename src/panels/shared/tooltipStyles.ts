import { css } from '@emotion/css';

import { type GrafanaTheme2 } from '@grafana/data';

/** Styles of the Foresight tooltips' series tables (use with useStyles2). */
export const getTooltipStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    margin: theme.spacing(0.5, 1, 1),
    'th, td': { padding: theme.spacing(0.25, 1), textAlign: 'right', whiteSpace: 'nowrap' },
    'th[scope=row], thead th:first-child': { textAlign: 'left', fontWeight: theme.typography.fontWeightMedium },
    thead: { color: theme.colors.text.secondary },
  }),
  muted: css({ color: theme.colors.text.secondary }),
  more: css({
    padding: theme.spacing(0, 1, 1),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  hovered: css({ background: theme.colors.action.hover }),
  /** The short line in the series colour before a series name. */
  swatch: css({
    display: 'inline-block',
    width: 10,
    height: 3,
    marginRight: theme.spacing(0.75),
    verticalAlign: 'middle',
    borderRadius: 1,
  }),
});
