import React, { useState } from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Button, FieldSet, InlineField, InlineFieldRow, Input, RadioButtonGroup, SecretInput, Text } from '@grafana/ui';

import {
  addCustomHeader,
  headerValueKey,
  nextCustomHeaderIndex,
  removeCustomHeader,
  updateCustomHeader,
  visibleCustomHeaders,
} from '../editor/customHeaders';
import type { ForesightDataSourceOptions, ForesightSecureJsonData, SourceKind } from '../types';

type Props = DataSourcePluginOptionsEditorProps<ForesightDataSourceOptions, ForesightSecureJsonData>;

const TARGETS: Array<{ value: SourceKind; label: string }> = [
  { value: 'prometheus', label: 'Prometheus' },
  { value: 'loki', label: 'Loki' },
];

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Extra HTTP headers sent to Prometheus or Loki, e.g. `X-Scope-OrgID` for a multi-tenant Mimir or Loki. */
export function CustomHeadersSettings({ options, onOptionsChange }: Props) {
  const [added, setAdded] = useState<ReadonlySet<number>>(new Set());
  const headers = visibleCustomHeaders(options, added);
  const secureJsonData = options.secureJsonData ?? {};

  const onAdd = () => {
    setAdded(new Set([...added, nextCustomHeaderIndex(options)]));
    onOptionsChange(addCustomHeader(options, 'prometheus'));
  };

  const onRemove = (index: number) => {
    const rest = new Set(added);
    rest.delete(index);
    setAdded(rest);
    onOptionsChange(removeCustomHeader(options, index));
  };

  return (
    <FieldSet label="Custom headers">
      <Text variant="bodySmall" color="secondary" element="p">
        Sent with every request to the chosen upstream, for example X-Scope-OrgID for a multi-tenant Mimir or Loki.
        Values are stored encrypted.
      </Text>
      {headers.map(({ index, name, target }) => {
        const key = headerValueKey(index);
        const nameError = name !== '' && !HEADER_NAME.test(name) ? 'letters, digits and - only' : undefined;
        return (
          <InlineFieldRow key={index}>
            <InlineField label="Upstream" htmlFor={`foresight-header-${index}-target`}>
              <RadioButtonGroup
                id={`foresight-header-${index}-target`}
                aria-label={`Header ${index + 1} upstream`}
                options={TARGETS}
                value={target}
                onChange={(value) => onOptionsChange(updateCustomHeader(options, index, { target: value }))}
              />
            </InlineField>
            <InlineField
              label="Name"
              htmlFor={`foresight-header-${index}-name`}
              invalid={!!nameError}
              error={nameError}
            >
              <Input
                id={`foresight-header-${index}-name`}
                width={24}
                value={name}
                placeholder="X-Scope-OrgID"
                onChange={(event) =>
                  onOptionsChange(updateCustomHeader(options, index, { name: event.currentTarget.value.trim() }))
                }
              />
            </InlineField>
            <InlineField label="Value" htmlFor={`foresight-header-${index}-value`}>
              <SecretInput
                id={`foresight-header-${index}-value`}
                width={30}
                isConfigured={!!options.secureJsonFields[key]}
                value={secureJsonData[key] ?? ''}
                placeholder="value"
                autoComplete="off"
                onChange={(event) =>
                  onOptionsChange({
                    ...options,
                    secureJsonData: { ...secureJsonData, [key]: event.currentTarget.value },
                  })
                }
                onReset={() =>
                  onOptionsChange({
                    ...options,
                    secureJsonFields: { ...options.secureJsonFields, [key]: false },
                    secureJsonData: { ...secureJsonData, [key]: '' },
                  })
                }
              />
            </InlineField>
            <Button
              variant="secondary"
              fill="text"
              icon="trash-alt"
              aria-label={`Remove header ${name || index + 1}`}
              onClick={() => onRemove(index)}
            />
          </InlineFieldRow>
        );
      })}
      <Button variant="secondary" icon="plus" size="sm" onClick={onAdd}>
        Add header
      </Button>
    </FieldSet>
  );
}
