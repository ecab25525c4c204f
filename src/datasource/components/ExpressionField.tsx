import { css, cx } from '@emotion/css';
import React, { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { GrafanaTheme2 } from '@grafana/data';
import { TextArea, useStyles2 } from '@grafana/ui';

import type { DataSource } from '../datasource';
import {
  applyCompletion,
  filterSuggestions,
  getCompletionContext,
  type CompletionContext,
} from '../editor/completionContext';
import type { SourceKind } from '../types';

interface Props {
  id: string;
  datasource: DataSource;
  kind: SourceKind;
  value: string;
  invalid?: boolean;
  onChange: (expr: string) => void;
  /** The field lost focus. */
  onBlur: () => void;
  /** Shift+Enter / Ctrl+Enter: run the query now. */
  onRunQuery: () => void;
}

const PLACEHOLDER: Record<SourceKind, string> = {
  prometheus: 'rate(http_requests_total{job="api"}[5m])',
  loki: 'sum by (app) (rate({app="api"} |= "error" [5m]))',
};

const MAX_SUGGESTIONS = 20;

/** Which names a context needs, as a cache key and a loader. */
function suggestionSource(datasource: DataSource, kind: SourceKind, context: CompletionContext | undefined) {
  if (!context) {
    return undefined;
  }
  switch (context.type) {
    case 'metric':
      return { key: `${kind}|metric`, load: () => datasource.getMetricNames() };
    case 'label-name':
      return {
        key: `${kind}|label|${context.metric ?? ''}`,
        load: () => datasource.getLabelNames(kind, context.metric),
      };
    case 'label-value':
      return {
        key: `${kind}|value|${context.label}|${context.metric ?? ''}`,
        load: () => datasource.getLabelValues(kind, context.label, context.metric),
      };
  }
}

/**
 * A plain text area for PromQL/LogQL with suggestions for metric names, label names and label values from
 * the backend's resource routes. Without suggestions (no upstream, a failing route) it is still a text area.
 */
export function ExpressionField({ id, datasource, kind, value, invalid, onChange, onBlur, onRunQuery }: Props) {
  const styles = useStyles2(getStyles);
  const textAreaRef = useRef<HTMLTextAreaElement>(null);
  const [cursor, setCursor] = useState(value.length);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [highlighted, setHighlighted] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; names: string[] }>({ key: '', names: [] });
  const pendingCursor = useRef<number | undefined>(undefined);

  const context = useMemo(
    () => getCompletionContext(value, Math.min(cursor, value.length), kind),
    [value, cursor, kind]
  );
  const source = suggestionSource(datasource, kind, context);
  const sourceKey = source?.key;

  useEffect(() => {
    if (!focused || !source || loaded.key === source.key) {
      return;
    }
    let current = true;
    source.load().then((names) => {
      if (current) {
        setLoaded({ key: source.key, names });
      }
    });
    return () => {
      current = false;
    };
    // `source` is rebuilt on every render; its key says when it really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focused, sourceKey, loaded.key]);

  useLayoutEffect(() => {
    if (pendingCursor.current !== undefined && textAreaRef.current) {
      textAreaRef.current.setSelectionRange(pendingCursor.current, pendingCursor.current);
      pendingCursor.current = undefined;
    }
  });

  const names = context && loaded.key === sourceKey ? loaded.names : [];
  const suggestions = context ? filterSuggestions(names, context.prefix, MAX_SUGGESTIONS) : [];
  // An empty metric prefix inside an expression would open the list after every space or operator;
  // offer metrics without a prefix only to start an expression.
  const wanted = context !== undefined && (context.type !== 'metric' || context.prefix !== '' || value.trim() === '');
  const open = focused && !dismissed && wanted && suggestions.length > 0;
  const active = Math.min(highlighted, suggestions.length - 1);

  const trackCursor = (target: HTMLTextAreaElement) => setCursor(target.selectionStart ?? target.value.length);

  const accept = (name: string) => {
    if (!context) {
      return;
    }
    const next = applyCompletion(value, context, name);
    pendingCursor.current = next.cursor;
    setCursor(next.cursor);
    setHighlighted(0);
    onChange(next.text);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlighted((active + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        event.preventDefault();
        accept(suggestions[active]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissed(true);
        return;
      }
    }
    if (event.key === 'Enter' && (event.shiftKey || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onRunQuery();
    }
  };

  const listId = `${id}-suggestions`;
  return (
    <div className={styles.container}>
      <TextArea
        ref={textAreaRef}
        id={id}
        className={styles.textArea}
        value={value}
        rows={Math.min(8, Math.max(2, value.split('\n').length))}
        placeholder={PLACEHOLDER[kind]}
        invalid={invalid}
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          setDismissed(false);
          setHighlighted(0);
          trackCursor(event.currentTarget);
          onChange(event.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => {
          if (event.key.startsWith('Arrow') || event.key === 'Home' || event.key === 'End') {
            trackCursor(event.currentTarget);
          }
        }}
        onClick={(event) => trackCursor(event.currentTarget)}
        onFocus={(event) => {
          setFocused(true);
          trackCursor(event.currentTarget);
        }}
        onBlur={() => {
          setFocused(false);
          setDismissed(false);
          onBlur();
        }}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="Suggestions" className={styles.list}>
          {suggestions.map((name, index) => (
            <li
              key={name}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={cx(styles.option, index === active && styles.active)}
              // Keep the focus (and the cursor) in the text area.
              onMouseDown={(event) => {
                event.preventDefault();
                accept(name);
              }}
            >
              {name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({
    position: 'relative',
    width: '100%',
  }),
  textArea: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  list: css({
    listStyle: 'none',
    margin: 0,
    padding: theme.spacing(0.5, 0),
    maxHeight: 240,
    overflowY: 'auto',
    background: theme.colors.background.elevated,
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z3,
    position: 'absolute',
    left: 0,
    right: 0,
    top: '100%',
    zIndex: theme.zIndex.dropdown,
  }),
  option: css({
    padding: theme.spacing(0.5, 1),
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    cursor: 'pointer',
    '&:hover': {
      background: theme.colors.action.hover,
    },
  }),
  active: css({
    background: theme.colors.action.selected,
  }),
});
