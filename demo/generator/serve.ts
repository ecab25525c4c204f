/**
 * The live demo: serves `/metrics` for Prometheus to scrape and keeps pushing logs to Loki.
 *
 * Counters start from zero when the server starts, as after a process restart (Prometheus's
 * `rate()` handles that), and advance every tick with the model's rates at the tick's time.
 * With a Loki URL, the log history for `[anchor − days, anchor]` is pushed first (hour by hour),
 * then the logs from the anchor up to now, then every tick's logs as time goes on.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { LogGenerator, pushToLoki, type LogEntry } from './logs';
import { ServiceCounters, renderExposition } from './metrics';
import { WorkloadModel, type SystemState } from './model';
import { SERVICES, type ServiceName } from './topology';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface ServeOptions {
  port: number;
  /** Defaults to 0.0.0.0. */
  host?: string;
  seed: number;
  /** Incident anchor (end of the backfilled history), in ms. */
  anchorMs: number;
  /** Days of log history to push before going live. Defaults to 14. */
  days?: number;
  /** Loki base URL; without it no logs are pushed. */
  lokiUrl?: string;
  /** Live update interval. Defaults to 15 s. */
  tickMs?: number;
  /** Where progress messages go. Defaults to console.log. */
  log?: (message: string) => void;
  /** Clock, for tests. Defaults to Date.now. */
  now?: () => number;
}

export interface DemoServer {
  url: string;
  /** Resolves when the log history has been pushed (at once without Loki). */
  logHistoryPushed: Promise<void>;
  close(): Promise<void>;
}

/** Starts the live demo server. */
export async function serve(options: ServeOptions): Promise<DemoServer> {
  const tickMs = options.tickMs ?? 15_000;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.log(message));
  const model = new WorkloadModel({ seed: options.seed, anchorMs: options.anchorMs });
  const counters = Object.fromEntries(SERVICES.map((profile) => [profile.name, new ServiceCounters()])) as Record<
    ServiceName,
    ServiceCounters
  >;
  let lastTickMs = now();
  let state: SystemState = model.systemState(lastTickMs);
  let closed = false;

  const tick = () => {
    const time = now();
    state = model.systemState(time);
    for (const profile of SERVICES) {
      counters[profile.name].advance(state[profile.name], (time - lastTickMs) / 1000);
    }
    lastTickMs = time;
  };
  const timer = setInterval(tick, tickMs);

  const server = createServer((request, response) => {
    if (request.url === '/metrics') {
      response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
      response.end(renderExposition(counters, state));
    } else if (request.url === '/-/healthy' || request.url === '/') {
      response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(
        `foresight demo generator: seed ${options.seed}, anchor ${new Date(options.anchorMs).toISOString()}\n`
      );
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((listening) => server.listen(options.port, options.host ?? '0.0.0.0', listening));
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  log(`serving /metrics on ${url} (seed ${options.seed}, anchor ${new Date(options.anchorMs).toISOString()})`);

  let logLoop: Promise<void> = Promise.resolve();
  let logHistoryPushed: Promise<void> = Promise.resolve();
  if (options.lokiUrl) {
    const lokiUrl = options.lokiUrl;
    const logs = new LogGenerator(model);
    const historyStartMs = options.anchorMs - (options.days ?? 14) * DAY_MS;
    let pushedUntilMs = historyStartMs;
    let resolveHistory: () => void = () => undefined;
    logHistoryPushed = new Promise<void>((done) => (resolveHistory = done));

    /** Pushes whole `stepMs` intervals from `pushedUntilMs` up to `untilMs`, in batches of about an hour. */
    const pushUntil = async (untilMs: number, stepMs: number) => {
      while (!closed && pushedUntilMs + stepMs <= untilMs) {
        const batchEndMs = Math.min(untilMs, pushedUntilMs + HOUR_MS);
        const batch: LogEntry[] = [];
        for (; pushedUntilMs + stepMs <= batchEndMs; pushedUntilMs += stepMs) {
          batch.push(...logs.interval(pushedUntilMs, stepMs));
        }
        await pushToLoki(lokiUrl, batch);
      }
    };

    logLoop = (async () => {
      try {
        const started = now();
        await pushUntil(options.anchorMs, 60_000);
        log(
          `pushed ${options.days ?? 14} days of log history to ${lokiUrl} in ${((now() - started) / 1000).toFixed(1)} s`
        );
        resolveHistory();
        while (!closed) {
          // After the history, logs follow the clock in live ticks.
          await pushUntil(Math.floor(now() / tickMs) * tickMs, tickMs);
          await new Promise((wake) => setTimeout(wake, Math.min(tickMs, 1000)));
        }
      } catch (error) {
        log(`log push stopped: ${error instanceof Error ? error.message : String(error)}`);
        resolveHistory();
      }
    })();
  }

  return {
    url,
    logHistoryPushed,
    close: async () => {
      closed = true;
      clearInterval(timer);
      await new Promise<void>((done) => server.close(() => done()));
      await logLoop;
    },
  };
}
