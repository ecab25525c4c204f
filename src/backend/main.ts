/**
 * Entry point of the Foresight backend plugin process (bundled into the gpx_foresight_* binary).
 * Grafana starts it through hashicorp/go-plugin: it checks the magic cookie, negotiates the protocol
 * version, serves gRPC on 127.0.0.1 and prints the handshake line — the only thing ever written to
 * stdout. Logs are hclog JSON lines on stderr. It exits when Grafana calls GRPCController/Shutdown.
 */
import * as fs from 'node:fs';
import { format } from 'node:util';
import { checkHealth } from './health/checkHealth';
import { MetricsRegistry } from './metrics/registry';
import { checkMagicCookie, handshakeLine, negotiateProtocolVersion } from './protocol/handshake';
import { createLogger, parseLogLevel, type Logger } from './protocol/logger';
import { startServer } from './protocol/server';
import { routeResource } from './resources/router';
import { httpClientFactory } from './settings/createClients';
import { InstanceCache } from './settings/datasourceInstance';

/**
 * The query pipeline (with apache-arrow) loads after the handshake: Grafana waits for the handshake
 * line, so everything not needed to serve gRPC is kept off that path and warmed up right after it.
 */
let queryPipeline: Promise<typeof import('./query/queryData')> | undefined;
const loadQueryPipeline = () => (queryPipeline ??= import('./query/queryData'));

/** Time allowed for in-flight calls after Shutdown before the process exits anyway (go-plugin waits 2 s). */
const SHUTDOWN_GRACE_MS = 50;

/** Sends anything a library prints through the logger, so stdout carries the handshake line only. */
function guardStdout(logger: Logger): void {
  const toLog =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) =>
      logger[level](format(...args));
  console.log = toLog('info');
  console.info = toLog('info');
  // eslint-disable-next-line no-console -- replaced, not used: a library's console.debug must not reach stdout
  console.debug = toLog('debug');
  console.warn = toLog('warn');
  console.error = toLog('error');
  process.stdout.write = ((chunk: unknown) => {
    logger.info(String(chunk).trimEnd());
    return true;
  }) as typeof process.stdout.write;
}

function writeHandshake(line: string): void {
  fs.writeSync(1, line + '\n');
}

function describeError(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
}

async function main(): Promise<void> {
  // Go plugins ignore SIGINT: a Ctrl-C on Grafana's terminal reaches the plugin too, and Grafana stops
  // it through Shutdown when it is ready.
  process.on('SIGINT', () => undefined);
  const logger = createLogger({ level: parseLogLevel(process.env.GF_PLUGIN_FORESIGHT_LOG_LEVEL) });
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception; the plugin exits and Grafana restarts it', describeError(error));
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled promise rejection', describeError(reason));
  });
  guardStdout(logger);

  try {
    checkMagicCookie(process.env);
  } catch (error) {
    logger.error((error as Error).message);
    process.exit(1);
  }
  const protocolVersion = negotiateProtocolVersion(process.env);

  const metrics = new MetricsRegistry();
  const instances = new InstanceCache(httpClientFactory(metrics.upstreamObserver));
  let stopping = false;
  const server = await startServer(
    {
      queryData: async (request, context) =>
        (await loadQueryPipeline()).queryData(request, context, { instance: (r) => instances.get(r.pluginContext), logger }),
      checkHealth: (request, context) => checkHealth(request.pluginContext, context, (c) => instances.get(c)),
      collectMetrics: async () => metrics.render(),
      callResource: (request, context) => routeResource(request, context, (c) => instances.get(c)),
    },
    {
      logger,
      metrics,
      onShutdown: () => {
        if (stopping) {
          return;
        }
        stopping = true;
        // Let the Shutdown reply leave, then close and exit well inside go-plugin's 2 s.
        setImmediate(() => {
          void server.stop(SHUTDOWN_GRACE_MS).finally(() => process.exit(0));
        });
      },
    }
  );
  writeHandshake(handshakeLine(server.port, protocolVersion));
  setImmediate(() => void loadQueryPipeline());
  logger.info('Foresight backend started', {
    address: `127.0.0.1:${server.port}`,
    protocolVersion,
    pluginVersion: process.env.GF_PLUGIN_VERSION,
    grafanaVersion: process.env.GF_VERSION,
    node: process.version,
    startupMs: Math.round(performance.now()),
  });
}

main().catch((error: unknown) => {
  // Before the handshake this ends startup; Grafana shows the log line at error level.
  process.stderr.write(
    JSON.stringify({
      '@level': 'error',
      '@message': `the Foresight backend could not start: ${error instanceof Error ? error.message : String(error)}`,
    }) + '\n'
  );
  process.exit(1);
});
