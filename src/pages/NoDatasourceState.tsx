import React from 'react';
import { EmptyState, LinkButton, TextLink } from '@grafana/ui';
import { DATASOURCE_PLUGIN_ID } from '../constants';

/** Shown on every page until an admin has added a Foresight datasource: says what to do and links to it. */
export function NoDatasourceState() {
  return (
    <EmptyState
      variant="call-to-action"
      message="Add a Foresight datasource to get started"
      button={
        <LinkButton icon="plus" href={`/connections/datasources/new?pluginId=${DATASOURCE_PLUGIN_ID}`}>
          Add Foresight datasource
        </LinkButton>
      }
    >
      Foresight analyses the Prometheus and Loki data you already have. Create a Foresight datasource, point it at
      your Prometheus (and optionally Loki) URL and press &quot;Save &amp; test&quot;. Admins can also provision it:
      see the <TextLink href="https://grafana.com/docs/grafana/latest/administration/provisioning/#data-sources" external>
        provisioning guide
      </TextLink>
      .
    </EmptyState>
  );
}
