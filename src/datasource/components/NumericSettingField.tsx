import React from 'react';
import { Field, Input } from '@grafana/ui';

import { useSyncedText } from './useSyncedText';

type Parse = (text: string) => { value: number | undefined; error?: undefined } | { value?: undefined; error: string };

interface Props {
  id: string;
  label: string;
  description: string;
  value: number | undefined;
  /** The default, shown when the setting is unset. */
  placeholder: string;
  parse: Parse;
  /** Called with a valid number, or `undefined` when cleared (the default applies). */
  onChange: (value: number | undefined) => void;
}

/**
 * A numeric setting typed as text: the stored value changes only when the text parses; otherwise the field
 * shows the error and the last valid value stays.
 */
export function NumericSettingField({ id, label, description, value, placeholder, parse, onChange }: Props) {
  const [text, setText] = useSyncedText(
    value,
    (stored) => (stored === undefined ? '' : String(stored)),
    // Invalid text keeps showing (with its error) until the user fixes it or the value changes elsewhere.
    (current, stored) => parse(current).error !== undefined || parse(current).value === stored
  );
  const error = parse(text).error;
  return (
    <Field label={label} description={description} invalid={error !== undefined} error={error} htmlFor={id}>
      <Input
        id={id}
        width={20}
        value={text}
        placeholder={placeholder}
        invalid={error !== undefined}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          const parsed = parse(next);
          if (parsed.error === undefined) {
            onChange(parsed.value);
          }
        }}
      />
    </Field>
  );
}
