/**
 * Runs the packaged backend binary under grafana-sim (../shared/tools/grafana-sim/run.sh relative to
 * the repo root), the stand-in for Grafana's plugin host, and reads back what it recorded.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const GRAFANA_SIM = path.resolve(REPO_ROOT, '../shared/tools/grafana-sim/run.sh');
export const PLUGIN_BINARY = path.join(REPO_ROOT, 'dist/datasource/gpx_foresight_linux_amd64');
export const PLUGIN_ID = 'foresight-analytics-datasource';

/** Sources whose change makes the binary stale. */
const SOURCE_DIRS = ['src/backend', 'src/datasource/query', 'src/analytics'];
const SOURCE_FILES = ['src/datasource/types.ts', 'scripts/build-backend.ts'];

function newestSourceMtime(): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  const visit = (file: string) => {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      fs.readdirSync(file).forEach((entry) => visit(path.join(file, entry)));
    } else if (!file.endsWith('.test.ts') && stat.mtimeMs > newest.mtimeMs) {
      newest = { file, mtimeMs: stat.mtimeMs };
    }
  };
  [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => path.join(REPO_ROOT, p)).filter(fs.existsSync).forEach(visit);
  return newest;
}

/** Throws a message that says what to run when the packaged binary is missing or older than its sources. */
export function requirePackagedBinary(): string {
  if (!fs.existsSync(PLUGIN_BINARY)) {
    throw new Error(
      `The packaged backend ${path.relative(REPO_ROOT, PLUGIN_BINARY)} does not exist. Run \`npm run build\` ` +
        '(or `npm run build:backend` for the backend alone) before the integration tests.'
    );
  }
  const newest = newestSourceMtime();
  if (newest.mtimeMs > fs.statSync(PLUGIN_BINARY).mtimeMs) {
    throw new Error(
      `The packaged backend is older than ${path.relative(REPO_ROOT, newest.file)}. Run \`npm run build:backend\` ` +
        'so the integration tests check the current code.'
    );
  }
  return PLUGIN_BINARY;
}

/** A grafana-sim SCRIPT.json (see the tool's README). */
export interface SimScript {
  pluginId?: string;
  datasource?: { uid: string; jsonData?: Record<string, unknown>; secureJsonData?: Record<string, string> };
  calls: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

export interface SimSummary {
  handshakeMs: number;
  negotiatedVersion: number;
  address: string;
  shutdownMs: number;
  shutdownGraceful: boolean;
  stderrNonHclogLines: number;
  failures: string[];
  warnings: string[];
  refuseWithoutCookie?: { ok: boolean; exitCode: number; stdout: string; stderr: string };
  [key: string]: unknown;
}

/** One call's result file (`<n>-<Method>.json`). */
export interface SimCallResult {
  method: string;
  ok: boolean;
  grpcCode: string;
  failures: string[];
  warnings: string[];
  [key: string]: unknown;
}

export interface SimRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outDir: string;
  summary: SimSummary;
  /** Results in call order (index 0 is call 1). */
  calls: SimCallResult[];
  pluginStderr: string;
}

/** Runs one grafana-sim session against the packaged binary. */
export async function runGrafanaSim(script: SimScript, flags: string[] = []): Promise<SimRun> {
  const binary = requirePackagedBinary();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-sim-'));
  const scriptFile = path.join(outDir, 'script.json');
  fs.writeFileSync(scriptFile, JSON.stringify({ pluginId: PLUGIN_ID, ...script }, null, 2));
  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(GRAFANA_SIM, [...flags, binary, scriptFile, outDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout: out, stderr: err }));
    }
  );
  if (exitCode >= 2) {
    throw new Error(`grafana-sim could not run (exit ${exitCode}):\n${stderr.slice(-3000)}`);
  }
  const summary = JSON.parse(fs.readFileSync(path.join(outDir, 'summary.json'), 'utf8')) as SimSummary;
  const calls = script.calls.map((call, index) => {
    const file = path.join(outDir, `${index + 1}-${String(call.method)}.json`);
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SimCallResult;
  });
  const stderrLog = path.join(outDir, 'plugin-stderr.log');
  const pluginStderr = fs.existsSync(stderrLog) ? fs.readFileSync(stderrLog, 'utf8') : '';
  return { exitCode, stdout, stderr, outDir, summary, calls, pluginStderr };
}

/** Reads a frame file that grafana-sim saved for a QueryData call. */
export function readFrameFile(run: SimRun, file: string): Uint8Array {
  return fs.readFileSync(path.isAbsolute(file) ? file : path.join(run.outDir, file));
}

/** Removes a session's output directory. */
export function cleanUp(run: SimRun | undefined): void {
  if (run !== undefined) {
    fs.rmSync(run.outDir, { recursive: true, force: true });
  }
}
