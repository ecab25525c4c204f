/**
 * Runs one golden case through the real query pipeline (queryData with the real HTTP clients) against
 * an upstream that replays `upstream.json`, and returns the decoded frames per refId.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLogger } from '../../src/backend/protocol/logger';
import type { PluginContext, QueryDataRequest } from '../../src/backend/protocol/messages';
import { queryData } from '../../src/backend/query/queryData';
import { httpClientFactory } from '../../src/backend/settings/createClients';
import { InstanceCache } from '../../src/backend/settings/datasourceInstance';
import { foresightPluginContext } from '../integration/fixtures/pluginContext';
import { decodeFrame, type DecodedFrame } from './decodeFrames';
import { startGoldenServer, type Recording } from './goldenServer';

export const GOLDEN_DIR = __dirname;

export interface GoldenQueryFile {
  description: string;
  /** `prometheus`: recorded from the demo Prometheus with this anchor (RECORD_UPSTREAM=1). `loki`: copied from the shared Loki recordings. */
  upstream: { kind: 'prometheus'; anchor: string } | { kind: 'loki'; recording: string };
  request: { from: string; to: string; intervalMs: number; maxDataPoints: number; user?: boolean };
  jsonData?: Record<string, unknown>;
  query: Record<string, unknown>;
}

export interface GoldenAnswer {
  status: number;
  error?: string;
  errorSource?: string;
  frames: DecodedFrame[];
}

export function goldenCases(): string[] {
  return fs
    .readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(GOLDEN_DIR, entry.name, 'query.json')))
    .map((entry) => entry.name)
    .sort();
}

export function readCase(name: string): { query: GoldenQueryFile; upstream: Recording[] | undefined; frames: GoldenAnswer | undefined } {
  const dir = path.join(GOLDEN_DIR, name);
  const read = (file: string) => (fs.existsSync(path.join(dir, file)) ? JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) : undefined);
  return { query: read('query.json'), upstream: read('upstream.json'), frames: read('frames.json') };
}

export function writeCaseFile(name: string, file: 'upstream.json' | 'frames.json', value: unknown): void {
  fs.writeFileSync(path.join(GOLDEN_DIR, name, file), `${JSON.stringify(value, null, 1)}\n`);
}

/** Runs the case's query with the pipeline against `upstreamUrl` and decodes the answer. */
export async function runCase(name: string, query: GoldenQueryFile, upstreamUrl: string): Promise<GoldenAnswer> {
  const kind = (query.query.source as { kind: string }).kind;
  const jsonData = { ...(query.jsonData ?? {}), [`${kind}Url`]: upstreamUrl };
  const pluginContext: PluginContext = {
    ...foresightPluginContext(`golden-${name}`, jsonData),
    user: query.request.user === false ? null : { login: 'admin', name: '', email: '', role: 'Admin' },
    userAgent: 'golden',
  };
  const request: QueryDataRequest = {
    pluginContext,
    headers: {},
    format: 'ARROW',
    queries: [
      {
        refId: 'A',
        maxDataPoints: query.request.maxDataPoints,
        intervalMS: query.request.intervalMs,
        timeRange: { fromEpochMS: Date.parse(query.request.from), toEpochMS: Date.parse(query.request.to) },
        json: Buffer.from(JSON.stringify({ refId: 'A', ...query.query })),
        queryType: '',
      },
    ],
  };
  const instances = new InstanceCache(httpClientFactory(() => undefined));
  const answer = await queryData(request, { signal: new AbortController().signal }, {
    instance: (r) => instances.get(r.pluginContext),
    logger: createLogger({ level: 'error' }),
  });
  const response = answer.responses.A;
  return {
    status: response.status,
    ...(response.error !== undefined ? { error: response.error, errorSource: response.errorSource } : {}),
    frames: response.frames.map(decodeFrame),
  };
}

/** Replays upstream.json and runs the case. Throws when the pipeline asked for something not recorded. */
export async function replayCase(name: string): Promise<GoldenAnswer> {
  const { query, upstream } = readCase(name);
  if (upstream === undefined) {
    throw new Error(`tests/golden/${name} has no upstream.json; record it with RECORD_UPSTREAM=1`);
  }
  const server = await startGoldenServer(upstream);
  try {
    const answer = await runCase(name, query, server.url);
    if (server.unmatched.length > 0) {
      throw new Error(`tests/golden/${name}: requests without a recording (record again with RECORD_UPSTREAM=1):\n${server.unmatched.join('\n')}`);
    }
    return answer;
  } finally {
    await server.close();
  }
}

/** Paths where two decoded answers differ beyond a relative tolerance of 1e-9 (floating-point noise across machines). */
export function differences(actual: unknown, expected: unknown, at = '', out: string[] = []): string[] {
  if (out.length >= 10) {
    return out;
  }
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(actual), Math.abs(expected))) {
      out.push(`${at}: ${actual} ≠ ${expected}`);
    }
    return out;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) {
      out.push(`${at}: length ${actual.length} ≠ ${expected.length}`);
      return out;
    }
    actual.forEach((value, index) => differences(value, expected[index], `${at}[${index}]`, out));
    return out;
  }
  if (actual !== null && expected !== null && typeof actual === 'object' && typeof expected === 'object') {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    for (const key of keys) {
      differences((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${at}.${key}`, out);
    }
    return out;
  }
  if (actual !== expected) {
    out.push(`${at}: ${JSON.stringify(actual)?.slice(0, 200)} ≠ ${JSON.stringify(expected)?.slice(0, 200)}`);
  }
  return out;
}
