import React from 'react';
import { Input } from '@grafana/ui';

import { useSyncedText } from './useSyncedText';

interface Props {
  id: string;
  value: number | undefined;
  placeholder?: string;
  width?: number;
  invalid?: boolean;
  /** Called with the number, or `undefined` when the field was cleared. Not called while the text is not a number. */
  onChange: (value: number | undefined) => void;
  onBlur?: () => void;
  /** Reports whether the current text is a number, so the parent can show an error. */
  onValidityChange?: (valid: boolean) => void;
}

/** Reads `''` as "not set", a number as itself, anything else as not a number. */
export function parseNumberText(text: string): { valid: boolean; value: number | undefined } {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { valid: true, value: undefined };
  }
  const value = Number(trimmed);
  return Number.isFinite(value) ? { valid: true, value } : { valid: false, value: undefined };
}

/**
 * A number field that keeps what the user types (`-`, `0.`) while it is not yet a number, so the
 * stored value only ever holds a number or nothing.
 */
export function NumberInput({ id, value, placeholder, width, invalid, onChange, onBlur, onValidityChange }: Props) {
  const [text, setText] = useSyncedText(
    value,
    formatNumber,
    (current, stored) => parseNumberText(current).value === stored
  );

  return (
    <Input
      id={id}
      inputMode="decimal"
      value={text}
      placeholder={placeholder}
      width={width}
      invalid={invalid || !parseNumberText(text).valid}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const parsed = parseNumberText(next);
        onValidityChange?.(parsed.valid);
        if (parsed.valid) {
          onChange(parsed.value);
        }
      }}
      onBlur={onBlur}
    />
  );
}

function formatNumber(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}
