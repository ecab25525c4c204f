import { useState } from 'react';

/**
 * Text state for an input that edits a parsed value (a number, a list of periods). What the user types is
 * kept as typed (`0.`, `1d, `) while it still means the stored value; when the value changes from outside
 * (another editor, a migration, a reset) the text follows it.
 *
 * @param value the stored value
 * @param format how the value is written when the text must follow it
 * @param means whether `text` already stands for `value`
 */
export function useSyncedText<T>(value: T, format: (value: T) => string, means: (text: string, value: T) => boolean) {
  const [text, setText] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    // Adjusting state while rendering (not in an effect) avoids a render with stale text.
    setSeen(value);
    if (!means(text, value)) {
      setText(format(value));
    }
  }
  return [text, setText] as const;
}
