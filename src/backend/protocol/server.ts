/**
 * The gRPC server Grafana talks to: plaintext (h2c) on 127.0.0.1, serving pluginv2 Data, Diagnostics
 * and Resource, go-plugin's GRPCController (Shutdown) and grpc.health.v1 (SERVING for "plugin").
 * Methods left out (QueryChunkedData, Stream, GRPCStdio, GRPCBroker) answer UNIMPLEMENTED, which
 * Grafana handles (protocol notes 1.8 and 2).
 */
import * as grpc from '@grpc/grpc-js';
import type { GrpcObject, ServiceClientConstructor } from '@grpc/grpc-js';
import type { MetricsRegistry } from '../metrics/registry';
import { loadProtocol } from './loadProtos';
import type { Logger } from './logger';
import type {
  CallContext,
  CallResourceRequest,
  CheckHealthRequest,
  CheckHealthResult,
  QueryDataRequest,
  QueryDataResponse,
  ResourceResponse,
} from './messages';

/** What the plugin does for each RPC; the server handles transport, deadlines, logging and metrics. */
export interface PluginHandlers {
  queryData(request: QueryDataRequest, context: CallContext): Promise<QueryDataResponse>;
  checkHealth(request: CheckHealthRequest, context: CallContext): Promise<CheckHealthResult>;
  collectMetrics(): Promise<string>;
  callResource(request: CallResourceRequest, context: CallContext): Promise<ResourceResponse>;
}

export interface ServerOptions {
  logger: Logger;
  metrics: MetricsRegistry;
  /** Called after the Shutdown RPC has been answered. */
  onShutdown: () => void;
}

export interface RunningServer {
  port: number;
  /** Stops accepting calls and closes connections; resolves when done or after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Body bytes per CallResource message after the first one. */
const RESOURCE_CHUNK_BYTES = 1 << 20;

function service(root: GrpcObject, name: string): grpc.ServiceDefinition {
  const parts = name.split('.');
  let node: unknown = root;
  for (const part of parts) {
    node = (node as Record<string, unknown>)[part];
  }
  return (node as ServiceClientConstructor).service;
}

/** Cancellation for one call: aborted at the gRPC deadline or when the client cancels. */
function callContext(call: grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown>): {
  context: CallContext;
  done: () => void;
} {
  const controller = new AbortController();
  const rawDeadline = call.getDeadline();
  const deadline = rawDeadline instanceof Date ? rawDeadline.getTime() : rawDeadline;
  let timer: NodeJS.Timeout | undefined;
  if (Number.isFinite(deadline)) {
    const remaining = Math.max(0, deadline - Date.now());
    timer = setTimeout(() => controller.abort(new Error('the request deadline passed')), remaining);
  }
  const onCancel = () => controller.abort(new Error('Grafana cancelled the request'));
  call.on('cancelled', onCancel);
  return {
    context: { signal: controller.signal, deadline: Number.isFinite(deadline) ? deadline : undefined },
    done: () => {
      if (timer !== undefined) {
        clearTimeout(timer);
      }
      call.removeListener('cancelled', onCancel);
    },
  };
}

function toStringLists(headers: Record<string, string[]> | undefined): Record<string, { values: string[] }> {
  const out: Record<string, { values: string[] }> = {};
  for (const [name, values] of Object.entries(headers ?? {})) {
    out[name] = { values };
  }
  return out;
}

export async function startServer(handlers: PluginHandlers, options: ServerOptions): Promise<RunningServer> {
  const { logger, metrics } = options;
  const root = grpc.loadPackageDefinition(loadProtocol());
  const server = new grpc.Server({
    // go-plugin allows messages up to MaxInt32 both ways; grpc-js caps receives at 4 MiB by default.
    'grpc.max_receive_message_length': -1,
    'grpc.max_send_message_length': -1,
  });

  /** Wraps a unary handler: deadline, metrics, and errors logged at error level as INTERNAL. */
  function unary<Req, Res>(
    method: string,
    handle: (request: Req, context: CallContext) => Promise<Res>,
    failed: (response: Res) => boolean = () => false
  ): grpc.handleUnaryCall<Req, Res> {
    return (call, callback) => {
      const started = performance.now();
      const { context, done } = callContext(call as grpc.ServerUnaryCall<unknown, unknown>);
      handle(call.request, context).then(
        (response) => {
          done();
          metrics.recordRequest(method, performance.now() - started, failed(response));
          callback(null, response);
        },
        (error: unknown) => {
          done();
          metrics.recordRequest(method, performance.now() - started, true);
          logger.error(`${method} failed`, { error: error instanceof Error ? error.message : String(error) });
          callback({ code: grpc.status.INTERNAL, details: `${method} failed: ${error instanceof Error ? error.message : String(error)}` });
        }
      );
    };
  }

  server.addService(service(root, 'pluginv2.Data'), {
    QueryData: unary<QueryDataRequest, QueryDataResponse>(
      'QueryData',
      (request, context) => handlers.queryData(request, context),
      (response) => Object.values(response.responses).some((r) => r.error)
    ),
  });

  server.addService(service(root, 'pluginv2.Diagnostics'), {
    CheckHealth: unary<CheckHealthRequest, unknown>(
      'CheckHealth',
      async (request, context) => {
        const result = await handlers.checkHealth(request, context);
        const details = result.details !== undefined ? Buffer.from(JSON.stringify(result.details)) : Buffer.alloc(0);
        return { status: result.status, message: result.message, jsonDetails: details };
      },
      (response) => (response as { status: string }).status !== 'OK'
    ),
    CollectMetrics: unary<unknown, unknown>('CollectMetrics', async () => ({
      metrics: { prometheus: Buffer.from(await handlers.collectMetrics()) },
    })),
  });

  server.addService(service(root, 'pluginv2.Resource'), {
    CallResource: (call: grpc.ServerWritableStream<CallResourceRequest, unknown>) => {
      const started = performance.now();
      const { context, done } = callContext(call as grpc.ServerWritableStream<unknown, unknown>);
      handlers.callResource(call.request, context).then(
        (response) => {
          done();
          const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
          // Grafana reads code and headers from the first message only; the rest carry body bytes.
          call.write({
            code: response.status,
            headers: toStringLists(response.headers),
            body: body.subarray(0, RESOURCE_CHUNK_BYTES),
          });
          for (let offset = RESOURCE_CHUNK_BYTES; offset < body.length; offset += RESOURCE_CHUNK_BYTES) {
            call.write({ code: response.status, body: body.subarray(offset, offset + RESOURCE_CHUNK_BYTES) });
          }
          call.end();
          metrics.recordRequest('CallResource', performance.now() - started, response.status >= 500);
        },
        (error: unknown) => {
          done();
          metrics.recordRequest('CallResource', performance.now() - started, true);
          logger.error('CallResource failed', { path: call.request.path, error });
          call.destroy({
            name: 'CallResourceError',
            message: 'CallResource failed',
            code: grpc.status.INTERNAL,
            details: `CallResource failed: ${error instanceof Error ? error.message : String(error)}`,
          } as grpc.ServiceError);
        }
      );
    },
  });

  server.addService(service(root, 'plugin.GRPCController'), {
    Shutdown: (_call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      logger.debug('Shutdown requested by the plugin host');
      callback(null, {});
      options.onShutdown();
    },
  });

  server.addService(service(root, 'grpc.health.v1.Health'), {
    Check: (
      call: grpc.ServerUnaryCall<{ service: string }, unknown>,
      callback: grpc.sendUnaryData<unknown>
    ) => {
      const name = call.request.service;
      if (name === '' || name === 'plugin') {
        callback(null, { status: 'SERVING' });
      } else {
        callback({ code: grpc.status.NOT_FOUND, details: `unknown service "${name}"` });
      }
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    // Plaintext on loopback only: Grafana dials without TLS (no AutoMTLS) from the same host.
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, boundPort) =>
      error ? reject(error) : resolve(boundPort)
    );
  });

  return {
    port,
    stop: (graceMs = 50) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
