/**
 * The demo workload generator: deterministic, valid OpenMetrics that promtool accepts, seasonal,
 * with the scheduled incidents in both metrics and logs, and a live server that Prometheus can
 * scrape and that pushes logs in Loki's format.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createBlocks, simulateHistory, writeOpenMetrics } from '../../demo/generator/backfill';
import {
  INCIDENTS,
  MIN_HISTORY_DAYS_FOR_ALL_INCIDENTS,
  incidentWindow,
  incidentWindows,
} from '../../demo/generator/incidents';
import { LATENCY_BUCKETS } from '../../demo/generator/metrics';
import { serve } from '../../demo/generator/serve';
import { SERVICES } from '../../demo/generator/topology';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Monday, 00:00 UTC. */
const ANCHOR = Date.parse('2026-03-02T00:00:00Z');

let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'foresight-demo-generator-'));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('OpenMetrics history', () => {
  test('is the same for the same seed and end, and different for another seed', () => {
    const write = (name: string, seed: number) =>
      writeOpenMetrics({ seed, days: 1, endMs: ANCHOR, outFile: join(workDir, name) }).file;
    const first = sha256(write('a.om', 42));
    expect(sha256(write('b.om', 42))).toBe(first);
    expect(sha256(write('c.om', 7))).not.toBe(first);
  });

  test('follows the OpenMetrics rules and promtool turns it into blocks with every sample', () => {
    const result = writeOpenMetrics({ seed: 42, days: 1, endMs: ANCHOR, outFile: join(workDir, 'valid.om') });
    const lines = readFileSync(result.file, 'utf8').split('\n');
    expect(lines[lines.length - 2]).toBe('# EOF');
    expect(lines[lines.length - 1]).toBe('');

    // Each family is declared once, before its samples, and its samples are contiguous; counters end in
    // _total; timestamps are in seconds on the 60 s grid. Problems are collected (an expect per line is slow).
    const seenFamilies: string[] = [];
    const problems: string[] = [];
    let family = '';
    let allowedNames: string[] = [];
    for (const line of lines.slice(0, -2)) {
      const declared = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (declared) {
        if (seenFamilies.includes(declared[1])) {
          problems.push(`family ${declared[1]} declared twice`);
        }
        family = declared[1];
        seenFamilies.push(family);
        const type = declared[2];
        const suffixes = type === 'counter' ? ['_total'] : type === 'histogram' ? ['_bucket', '_count', '_sum'] : [''];
        allowedNames = suffixes.map((suffix) => family + suffix);
        continue;
      }
      if (line.startsWith('#')) {
        continue;
      }
      const sample = /^([a-z_]+)\{[^}]*\} (\S+) (\d+)$/.exec(line);
      if (!sample || !allowedNames.includes(sample[1]) || Number(sample[3]) % 60 !== 0) {
        problems.push(line);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(seenFamilies.sort()).toEqual(
      [
        'disk_total_bytes',
        'disk_used_bytes',
        'http_request_duration_seconds',
        'http_requests',
        'process_cpu_seconds',
        'process_memory_limit_bytes',
        'process_resident_memory_bytes',
        'queue_depth',
      ].sort()
    );

    // promtool prints one line per block: ULID, MIN TIME, MAX TIME, DURATION, NUM SAMPLES, NUM CHUNKS, NUM SERIES, SIZE.
    const blocks = createBlocks(result.file, join(workDir, 'tsdb'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/).map(Number));
    expect(Math.min(...blocks.map((columns) => columns[1]))).toBe(result.startMs);
    expect(blocks.reduce((sum, columns) => sum + columns[4], 0)).toBe(result.samples);
    expect(Math.max(...blocks.map((columns) => columns[6]))).toBe(result.series);
    expect(result.series).toBe(SERVICES.length * (3 + LATENCY_BUCKETS.length + 3 + 1 + 5));
  });

  test('histogram buckets are cumulative and the +Inf bucket equals the count', () => {
    const result = writeOpenMetrics({ seed: 42, days: 0.25, endMs: ANCHOR, outFile: join(workDir, 'histogram.om') });
    const text = readFileSync(result.file, 'utf8');
    const pattern =
      /^http_request_duration_seconds_(bucket|count)\{[^}]*service="(\w+)"(?:,le="([^"]+)")?\} (\d+) (\d+)$/gm;
    const points = new Map<string, { buckets: number[]; count?: number }>();
    for (const match of text.matchAll(pattern)) {
      const key = `${match[2]}@${match[5]}`;
      const point = points.get(key) ?? { buckets: [] };
      if (match[1] === 'bucket') {
        point.buckets.push(Number(match[4]));
      } else {
        point.count = Number(match[4]);
      }
      points.set(key, point);
    }
    expect(points.size).toBe(SERVICES.length * result.points);
    for (const { buckets, count } of points.values()) {
      expect(buckets).toHaveLength(LATENCY_BUCKETS.length + 1);
      for (let i = 1; i < buckets.length; i++) {
        expect(buckets[i]).toBeGreaterThanOrEqual(buckets[i - 1]);
      }
      expect(buckets[buckets.length - 1]).toBe(count);
    }
  });
});

describe('workload model', () => {
  const { range, states } = simulateHistory({ seed: 42, days: 14, endMs: ANCHOR });
  const frontendRate = (i: number) => states[i].frontend.requestsPerSecond;

  test('traffic has a daily cycle peaking in the afternoon (UTC) and quiet weekends', () => {
    const byHour = new Array(24).fill(0);
    let weekday = 0;
    let weekdayCount = 0;
    let weekend = 0;
    let weekendCount = 0;
    for (let i = 0; i < states.length; i++) {
      const time = new Date(range.startMs + i * range.stepMs);
      byHour[time.getUTCHours()] += frontendRate(i);
      if (time.getUTCDay() === 0 || time.getUTCDay() === 6) {
        weekend += frontendRate(i);
        weekendCount++;
      } else {
        weekday += frontendRate(i);
        weekdayCount++;
      }
    }
    const peakHour = byHour.indexOf(Math.max(...byHour));
    expect(peakHour).toBeGreaterThanOrEqual(13);
    expect(peakHour).toBeLessThanOrEqual(17);
    expect(Math.max(...byHour) / Math.min(...byHour)).toBeGreaterThan(2);
    expect(weekend / weekendCount / (weekday / weekdayCount)).toBeLessThan(0.8);
  });

  test('callee request rates follow the frontend', () => {
    const i = states.length - 1;
    expect(states[i].catalog.requestsPerSecond / states[i].frontend.requestsPerSecond).toBeCloseTo(0.9, 1);
    expect(states[i].db.requestsPerSecond / states[i].catalog.requestsPerSecond).toBeCloseTo(2, 1);
  });

  test('each incident changes its metrics only inside its window', () => {
    const at = (timeMs: number) => states[Math.round((timeMs - range.startMs) / range.stepMs)];
    const spike = incidentWindow('db-latency-spike', ANCHOR);
    const middle = (spike.startMs + spike.endMs) / 2;
    expect(at(middle).db.latencyMedianSeconds).toBeGreaterThan(10 * at(spike.startMs - HOUR).db.latencyMedianSeconds);
    expect(at(middle).catalog.latencyMedianSeconds).toBeGreaterThan(
      4 * at(spike.startMs - HOUR).catalog.latencyMedianSeconds
    );
    expect(at(spike.endMs + HOUR).db.latencyMedianSeconds).toBeLessThan(
      2 * at(spike.startMs - HOUR).db.latencyMedianSeconds
    );

    const burst = incidentWindow('payments-error-burst', ANCHOR);
    expect(at((burst.startMs + burst.endMs) / 2).payments.errorRatio).toBeGreaterThan(0.25);
    expect(at(burst.startMs - HOUR).payments.errorRatio).toBeLessThan(0.01);

    const leak = incidentWindow('checkout-memory-leak', ANCHOR);
    const beforeLeak = at(leak.startMs - HOUR).checkout.memoryBytes;
    const atAnchor = at(ANCHOR).checkout;
    expect(atAnchor.memoryBytes - beforeLeak).toBeGreaterThan(0.5 * (atAnchor.memoryLimitBytes - beforeLeak));
    expect(atAnchor.memoryBytes).toBeLessThan(atAnchor.memoryLimitBytes);

    const fill = incidentWindow('db-disk-fill', ANCHOR);
    const diskBefore = at(fill.startMs).db.diskUsedBytes;
    expect(at(ANCHOR).db.diskUsedBytes - diskBefore).toBeGreaterThan(0.5 * (at(ANCHOR).db.diskTotalBytes - diskBefore));
  });

  test(`a history of ${MIN_HISTORY_DAYS_FOR_ALL_INCIDENTS} days contains every incident's start`, () => {
    for (const incident of incidentWindows(ANCHOR)) {
      expect(incident.startMs).toBeGreaterThanOrEqual(ANCHOR - MIN_HISTORY_DAYS_FOR_ALL_INCIDENTS * DAY);
      expect(incident.startMs).toBeLessThan(ANCHOR);
    }
    expect(INCIDENTS.map((incident) => incident.kind).sort()).toEqual(
      ['disk-fill', 'error-burst', 'latency-spike', 'memory-leak'].sort()
    );
  });
});

describe('live server', () => {
  interface PushedStream {
    stream: Record<string, string>;
    values: Array<[string, string]>;
  }

  let loki: Server;
  let lokiUrl: string;
  const pushed: PushedStream[] = [];

  beforeAll(async () => {
    // A stand-in for Loki's push endpoint that records what it receives.
    loki = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        if (request.method === 'POST' && request.url === '/loki/api/v1/push') {
          pushed.push(...(JSON.parse(body) as { streams: PushedStream[] }).streams);
          response.writeHead(204).end();
        } else {
          response.writeHead(404).end();
        }
      });
    });
    await new Promise<void>((done) => loki.listen(0, '127.0.0.1', done));
    lokiUrl = `http://127.0.0.1:${(loki.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((done) => loki.close(() => done()));
  });

  test('serves a valid exposition whose counters grow, and pushes the log history with the new error message inside the burst only', async () => {
    const anchorMs = Math.floor(Date.now() / 60_000) * 60_000;
    const server = await serve({
      port: 0,
      host: '127.0.0.1',
      seed: 42,
      anchorMs,
      days: 0.5,
      lokiUrl,
      tickMs: 100,
      log: () => undefined,
    });
    try {
      await server.logHistoryPushed;
      const scrape = async () => (await fetch(`${server.url}/metrics`)).text();
      const first = await scrape();
      await new Promise((wake) => setTimeout(wake, 400));
      const second = await scrape();
      const frontend2xx = (text: string) =>
        Number(/^http_requests_total\{service="frontend",status="2xx"\} (\d+)$/m.exec(text)?.[1]);
      expect(frontend2xx(second)).toBeGreaterThan(frontend2xx(first));

      const check = spawnSync('promtool', ['check', 'metrics'], { input: second, encoding: 'utf8' });
      expect(check.stderr + check.stdout).toBe('');
      expect(check.status).toBe(0);

      // Logs: one stream per (service, level), ordered nanosecond timestamps, the new kind only in the burst.
      const burst = incidentWindow('payments-error-burst', anchorMs);
      expect(new Set(pushed.map(({ stream }) => stream.service))).toEqual(new Set(SERVICES.map((s) => s.name)));
      let timeouts = 0;
      for (const { stream, values } of pushed) {
        expect(Object.keys(stream).sort()).toEqual(['job', 'level', 'service']);
        for (let i = 1; i < values.length; i++) {
          expect(BigInt(values[i][0])).toBeGreaterThan(BigInt(values[i - 1][0]));
        }
        for (const [ns, line] of values) {
          if (stream.service === 'payments') {
            expect(JSON.parse(line).level).toBe(stream.level);
          }
          if (line.includes('upstream timeout talking to bank-gateway')) {
            timeouts++;
            const timeMs = Number(BigInt(ns) / 1_000_000n);
            expect(timeMs).toBeGreaterThanOrEqual(burst.startMs);
            expect(timeMs).toBeLessThan(burst.endMs);
          }
        }
      }
      expect(timeouts).toBeGreaterThan(100);
    } finally {
      await server.close();
    }
  });
});
