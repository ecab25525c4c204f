/**
 * Measures the packaged backend: binary size, time from spawn to handshake line, idle resident memory,
 * and shutdown time — both directly (spawn + GRPCController/Shutdown over gRPC) and as grafana-sim
 * (hashicorp go-plugin, as Grafana) sees them. Prints a table and writes JSON.
 *
 *   npx tsx scripts/measure-backend.ts [--runs 9] [--binary dist/datasource/gpx_foresight_linux_amd64]
 *                                      [--out node_modules/.cache/foresight-backend/measurements.json]
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as grpc from '@grpc/grpc-js';
import { loadProtocol } from '../src/backend/protocol/loadProtos';

const repoRoot = path.resolve(__dirname, '..');

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const runs = Number(arg('runs', '9'));
const binary = path.resolve(repoRoot, arg('binary', 'dist/datasource/gpx_foresight_linux_amd64'));
const outFile = path.resolve(repoRoot, arg('out', 'node_modules/.cache/foresight-backend/measurements.json'));
const grafanaSim = path.resolve(repoRoot, '../shared/tools/grafana-sim/run.sh');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb * 1024;
}

interface DirectRun {
  handshakeMs: number;
  idleRssBytes: number;
  shutdownMs: number;
}

/** Spawns the binary as Grafana would (cookie + versions, empty cwd-independent env), then shuts it down. */
async function directRun(packageDefinition: grpc.GrpcObject): Promise<DirectRun> {
  const started = performance.now();
  const child = spawn(binary, [], {
    env: {
      grafana_plugin_type: 'datasource',
      PLUGIN_PROTOCOL_VERSIONS: '2',
      PLUGIN_MIN_PORT: '10000',
      PLUGIN_MAX_PORT: '25000',
      GF_VERSION: '12.0.0',
    },
    cwd: os.tmpdir(),
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      if (buffer.includes('\n')) {
        resolve(buffer.split('\n')[0]);
      }
    });
    child.on('exit', (code) => reject(new Error(`plugin exited with ${code} before the handshake`)));
  });
  const handshakeMs = performance.now() - started;
  const address = line.split('|')[3];
  await new Promise((resolve) => setTimeout(resolve, 1000)); // idle
  const idleRssBytes = rssBytes(child.pid!);
  const Controller = (packageDefinition.plugin as grpc.GrpcObject).GRPCController as grpc.ServiceClientConstructor;
  const client = new Controller(address, grpc.credentials.createInsecure());
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const shutdownStarted = performance.now();
  await new Promise<void>((resolve) => client.Shutdown({}, () => resolve()));
  await exited;
  const shutdownMs = performance.now() - shutdownStarted;
  client.close();
  return { handshakeMs, idleRssBytes, shutdownMs };
}

interface SimRun {
  handshakeMs: number;
  shutdownMs: number;
  failures: number;
  nonHclog: number;
}

function simRun(): SimRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-measure-'));
  const script = path.join(dir, 'script.json');
  fs.writeFileSync(
    script,
    JSON.stringify({
      pluginId: 'foresight-analytics-datasource',
      datasource: { uid: 'm', jsonData: {} },
      calls: [{ method: 'Ping' }, { method: 'CollectMetrics' }],
    })
  );
  const result = spawnSync(grafanaSim, [binary, script, path.join(dir, 'out')], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`grafana-sim failed (exit ${result.status}): ${result.stderr.slice(-2000)}`);
  }
  const summary = JSON.parse(fs.readFileSync(path.join(dir, 'out/summary.json'), 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    handshakeMs: summary.handshakeMs,
    shutdownMs: summary.shutdownMs,
    failures: summary.failures.length,
    nonHclog: summary.stderrNonHclogLines,
  };
}

async function main(): Promise<void> {
  if (!fs.existsSync(binary)) {
    throw new Error(`${binary} does not exist; run npm run build first`);
  }
  const size = fs.statSync(binary).size;
  const gzipSize = zlib.gzipSync(fs.readFileSync(binary), { level: 6 }).length;
  const packageDefinition = grpc.loadPackageDefinition(loadProtocol());
  const direct: DirectRun[] = [];
  for (let i = 0; i < runs; i++) {
    direct.push(await directRun(packageDefinition));
  }
  const sim: SimRun[] = [];
  for (let i = 0; i < runs; i++) {
    sim.push(simRun());
  }
  const result = {
    binary: path.relative(repoRoot, binary),
    runs,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
    sizeBytes: size,
    gzipBytes: gzipSize,
    direct: {
      handshakeMsMedian: median(direct.map((r) => r.handshakeMs)),
      idleRssBytesMedian: median(direct.map((r) => r.idleRssBytes)),
      shutdownMsMedian: median(direct.map((r) => r.shutdownMs)),
      runs: direct,
    },
    grafanaSim: {
      handshakeMsMedian: median(sim.map((r) => r.handshakeMs)),
      shutdownMsMedian: median(sim.map((r) => r.shutdownMs)),
      failures: sim.reduce((n, r) => n + r.failures, 0),
      nonHclogLines: sim.reduce((n, r) => n + r.nonHclog, 0),
      runs: sim,
    },
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(result, null, 2));
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const rows: Array<[string, string]> = [
    ['binary size', `${mb(size)} (${mb(gzipSize)} gzipped)`],
    [`spawn → handshake, median of ${runs} (direct)`, ms(result.direct.handshakeMsMedian)],
    [`spawn → handshake, median of ${runs} (grafana-sim)`, ms(result.grafanaSim.handshakeMsMedian)],
    ['idle RSS 1 s after handshake, median', mb(result.direct.idleRssBytesMedian)],
    [`Shutdown RPC → exit, median (direct)`, ms(result.direct.shutdownMsMedian)],
    [`Kill() → returned, median (grafana-sim)`, ms(result.grafanaSim.shutdownMsMedian)],
    ['grafana-sim failures / non-hclog stderr lines', `${result.grafanaSim.failures} / ${result.grafanaSim.nonHclogLines}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) {
    process.stdout.write(`${label.padEnd(width)}  ${value}\n`);
  }
  process.stdout.write(`\nwrote ${path.relative(repoRoot, outFile)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`measure-backend: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
