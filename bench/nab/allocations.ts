/**
 * Heap allocations per point of a streaming detector, and where they happen: the sampling heap
 * profiler over one run of the speed series (bench/nab/speed.ts), the detector bundled by esbuild as the
 * backend ships it. A boxed double (16 bytes) per point is an allocation plus its share of scavenges;
 * this finds them (see docs/anomaly.md, "Speed").
 *
 *   npx tsx bench/nab/allocations.ts [--detector auto] [--series walk] [--points 1000000] [--top 12]
 *
 * Prints the bytes per point and the allocating frames (innermost last, line numbers of the bundle)
 * with their bytes per point.
 */
import * as fs from 'fs';
import * as inspector from 'inspector';
import * as os from 'os';
import * as path from 'path';

import type { DetectorName } from '../../src/analytics/anomaly';
import type * as Speed from './speed';

interface ProfileNode {
  callFrame: { functionName: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

function post<T>(session: inspector.Session, method: string, params: object = {}): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T)))
  );
}

async function main(): Promise<void> {
  const args: Record<string, string> = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      const [key, inline] = argv[i].slice(2).split('=', 2);
      args[key] = inline ?? argv[++i] ?? '';
    }
  }
  const detector = (args.detector ?? 'auto') as DetectorName;
  const kind = (args.series ?? 'walk') as Speed.SpeedSeries;
  const points = Number(args.points ?? 1_000_000);
  const top = Number(args.top ?? 12);

  const esbuild = require('esbuild') as typeof import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-alloc-'));
  const bundle = path.join(dir, 'speed.js');
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'speed.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['esbuild'],
    outfile: bundle,
    logLevel: 'error',
  });
  const speed = require(bundle) as typeof Speed;
  const series = speed.speedSeries(kind, points);
  speed.measureThroughput(detector, series, 1, 1); // compile first: count the steady state

  const session = new inspector.Session();
  session.connect();
  await post(session, 'HeapProfiler.enable');
  await post(session, 'HeapProfiler.startSampling', {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  speed.measureThroughput(detector, series, 1, 0);
  const { profile } = await post<{ profile: { head: ProfileNode } }>(session, 'HeapProfiler.stopSampling');
  session.disconnect();
  fs.rmSync(dir, { recursive: true, force: true });

  const rows: Array<[number, string]> = [];
  const walk = (node: ProfileNode, stack: string[]): void => {
    const frames = [...stack, `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`];
    if (node.selfSize > 0) {
      rows.push([node.selfSize, frames.slice(-4).join(' > ')]);
    }
    node.children.forEach((child) => walk(child, frames));
  };
  walk(profile.head, []);
  rows.sort((a, b) => b[0] - a[0]);
  const total = rows.reduce((sum, [bytes]) => sum + bytes, 0);
  console.log(`${detector} on ${kind}, ${points} points: ${(total / points).toFixed(1)} bytes allocated per point`);
  for (const [bytes, frames] of rows.slice(0, top)) {
    console.log(`${(bytes / points).toFixed(2).padStart(8)}  ${frames}`);
  }
}

void main();
