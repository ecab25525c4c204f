/**
 * CheckHealth ("Save & test"): checks every configured upstream and says what is wrong in words a
 * Grafana admin can act on. Prometheus must answer /api/v1/status/buildinfo; Loki must be ready and
 * answer its buildinfo. `details` is always a JSON object (Grafana answers 500 for anything else).
 */
import type { SourceKind } from '../../datasource/types';
import type { CallContext, CheckHealthResult, PluginContext } from '../protocol/messages';
import type { DatasourceInstance } from '../settings/datasourceInstance';
import { UpstreamError } from '../upstream/types';

/** The outcome for one upstream, as shown in the details. */
export interface UpstreamHealth {
  ok: boolean;
  url: string;
  version?: string;
  /** UpstreamError kind, e.g. `unauthorized`, when the check failed. */
  problem?: string;
  message: string;
}

const TITLE: Record<SourceKind, string> = { prometheus: 'Prometheus', loki: 'Loki' };

async function checkOne(
  kind: SourceKind,
  url: string,
  probe: () => Promise<{ version: string }>
): Promise<UpstreamHealth> {
  try {
    const { version } = await probe();
    return { ok: true, url, version, message: `${TITLE[kind]} ${version} at ${url} is reachable` };
  } catch (error) {
    if (error instanceof UpstreamError) {
      return { ok: false, url, problem: error.kind, message: error.message };
    }
    return { ok: false, url, problem: 'internal', message: `${TITLE[kind]} check failed: ${(error as Error).message}` };
  }
}

export async function checkHealth(
  pluginContext: PluginContext | null,
  context: CallContext,
  instanceFor: (pluginContext: PluginContext | null) => DatasourceInstance
): Promise<CheckHealthResult> {
  let instance: DatasourceInstance;
  try {
    instance = instanceFor(pluginContext);
  } catch (error) {
    return {
      status: 'ERROR',
      message: `The datasource settings are invalid: ${(error as Error).message}`,
      details: { problem: 'invalid-settings' },
    };
  }
  const { settings, clients } = instance;
  const checks: Array<Promise<[SourceKind, UpstreamHealth]>> = [];
  if (settings.prometheus && clients.prometheus) {
    const prometheus = clients.prometheus;
    checks.push(
      checkOne('prometheus', settings.prometheus.url, () => prometheus.buildInfo(context.signal)).then((r) => ['prometheus', r])
    );
  }
  if (settings.loki && clients.loki) {
    const loki = clients.loki;
    checks.push(
      checkOne('loki', settings.loki.url, async () => {
        await loki.ready(context.signal);
        return loki.buildInfo(context.signal);
      }).then((r) => ['loki', r])
    );
  }
  if (checks.length === 0) {
    return {
      status: 'ERROR',
      message:
        'No upstream is configured: set a Prometheus URL and/or a Loki URL in the Foresight datasource settings ' +
        '(they are called from the Grafana server, so use addresses the server can reach).',
      details: { problem: 'not-configured' },
    };
  }
  const results = Object.fromEntries(await Promise.all(checks)) as Partial<Record<SourceKind, UpstreamHealth>>;
  const all = Object.values(results) as UpstreamHealth[];
  const failed = all.filter((r) => !r.ok);
  return {
    status: failed.length === 0 ? 'OK' : 'ERROR',
    message: (failed.length === 0 ? all : failed).map((r) => r.message).join('. '),
    details: { ...results },
  };
}
