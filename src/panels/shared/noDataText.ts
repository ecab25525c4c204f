import { type FieldConfigSource } from '@grafana/data';

/** The text Grafana shows for "no value": the user's `No value` standard option, else "No data". */
export function noDataText(fieldConfig: FieldConfigSource): string {
  const configured = fieldConfig.defaults.noValue;
  return configured && configured.trim() !== '' ? configured : 'No data';
}
