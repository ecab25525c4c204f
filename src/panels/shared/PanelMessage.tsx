import { css } from '@emotion/css';
import React from 'react';

import { type GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';

interface Props {
  /** The main line, e.g. "No data". */
  title: string;
  /** What the user can do about it, or the error text. */
  detail?: string;
  /** `error` shows a warning icon and the error colour. Defaults to `info`. */
  kind?: 'info' | 'error';
  width: number;
  height: number;
}

/** The centred message a Foresight panel shows instead of a chart: no data, warming up, unusable frames. */
export function PanelMessage({ title, detail, kind = 'info', width, height }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div
      className={styles.wrapper}
      style={{ width, height }}
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid="foresight-panel-message"
    >
      {kind === 'error' && <Icon name="exclamation-triangle" className={styles.errorIcon} size="lg" />}
      <div className={kind === 'error' ? styles.errorTitle : styles.title}>{title}</div>
      {detail && <div className={styles.detail}>{detail}</div>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: theme.spacing(0.5),
    textAlign: 'center',
    padding: theme.spacing(1),
    overflow: 'hidden',
  }),
  title: css({
    fontSize: theme.typography.h4.fontSize,
    color: theme.colors.text.secondary,
  }),
  errorTitle: css({
    fontSize: theme.typography.h5.fontSize,
    color: theme.colors.error.text,
  }),
  errorIcon: css({ color: theme.colors.error.text }),
  detail: css({
    maxWidth: 480,
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
