import React from 'react';
import { Input } from '@grafana/ui';

import { useSyncedText } from './useSyncedText';

type Parse = (text: string) => { value: number | undefined; error?: undefined } | { value?: undefined; error: string };

interface Props {
  id: string;
  value: number | undefined;
  placeholder: string;
  width?: number;
  parse: Parse;
  /** Called with a valid number, or `undefined` when cleared (the default applies). */
  onChange: (value: number | undefined) => void;
  /** The current parse error, for the surrounding field to show. */
  onError: (error: string | undefined) => void;
}

/**
 * A numeric setting typed as text: the stored value changes only when the text parses; otherwise the
 * error is reported and the last valid value stays.
 */
export function NumericSettingInput({ id, value, placeholder, width = 20, parse, onChange, onError }: Props) {
  const [text, setText] = useSyncedText(
    value,
    (stored) => (stored === undefined ? '' : String(stored)),
    // Invalid text keeps showing (with its error) until the user fixes it or the value changes elsewhere.
    (current, stored) => parse(current).error !== undefined || parse(current).value === stored
  );
  const error = parse(text).error;
  return (
    <Input
      id={id}
      width={width}
      value={text}
      placeholder={placeholder}
      invalid={error !== undefined}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const parsed = parse(next);
        onError(parsed.error);
        if (parsed.error === undefined) {
          onChange(parsed.value);
        }
      }}
    />
  );
}
