/**
 * The fetch step: asks the upstream named by `source.kind` for the series of the planned range.
 * The upstream clients come from the datasource instance; this file picks one, and explains a
 * missing configuration or a log query where series are needed in words a user can act on.
 */
import type { QuerySource, SourceKind } from '../../datasource/types';
import type { UpstreamClients } from '../settings/datasourceInstance';
import type { FetchLimits, Series } from '../upstream/types';
import { QueryError } from './QueryError';
import type { RangePlan } from './planRange';

export interface FetchedSeries {
  series: Series[];
  /** Warnings the upstream attached (shown as frame notices). */
  warnings: string[];
}

const UPSTREAM_TITLE: Record<SourceKind, string> = { prometheus: 'Prometheus', loki: 'Loki' };

function notConfigured(kind: SourceKind): QueryError {
  const title = UPSTREAM_TITLE[kind];
  return new QueryError(
    400,
    'plugin',
    `source.kind: this query reads from ${title}, but the datasource has no ${title} URL; ` +
      `set "${title} URL" in the Foresight datasource settings (jsonData.${kind}Url)`
  );
}

/** Runs the range query; throws UpstreamError from the client, or QueryError for a missing upstream. */
export async function fetchSeries(
  clients: UpstreamClients,
  source: QuerySource,
  plan: Pick<RangePlan, 'fetchStartMs' | 'fetchEndMs' | 'stepMs'>,
  limits: FetchLimits,
  signal: AbortSignal
): Promise<FetchedSeries> {
  switch (source.kind) {
    case 'prometheus': {
      if (clients.prometheus === undefined) {
        throw notConfigured('prometheus');
      }
      return clients.prometheus.queryRangeWithWarnings(
        source.expr,
        plan.fetchStartMs,
        plan.fetchEndMs,
        plan.stepMs,
        limits,
        signal
      );
    }
    case 'loki': {
      if (clients.loki === undefined) {
        throw notConfigured('loki');
      }
      const result = await clients.loki.queryRange(source.expr, plan.fetchStartMs, plan.fetchEndMs, plan.stepMs, limits, signal);
      if (result.kind === 'streams') {
        throw new QueryError(
          400,
          'plugin',
          'source.expr: this is a LogQL log query, which returns log lines; this analysis needs a metric query ' +
            'such as sum by (level) (count_over_time({app="api"}[5m]))'
        );
      }
      return { series: result.series, warnings: [] };
    }
  }
}
