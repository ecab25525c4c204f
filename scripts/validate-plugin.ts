/**
 * Validates a built plugin directory (default `dist/`) as Grafana would load it:
 * every plugin.json against Grafana's rules, nested plugins included by the app, logos present,
 * modules present, backend executables present and executable.
 *
 *   npm run validate:plugin [-- <dist dir>]
 */
import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { pluginJsonSchema } from './plugin-json-rules';

export interface PluginProblem {
  file: string;
  message: string;
}

/** Returns every problem found in a built plugin directory; an empty list means it is valid. */
export function validatePluginDir(distDir: string): PluginProblem[] {
  const problems: PluginProblem[] = [];
  // Grafana's patterns escape '-', which is invalid under the 'u' flag ajv uses by default.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(pluginJsonSchema);
  const rootJson = path.join(distDir, 'plugin.json');
  if (!fs.existsSync(rootJson)) {
    return [{ file: rootJson, message: 'missing: run `npm run build` first' }];
  }
  const files = findPluginJsons(distDir);
  const ids = new Set<string>();
  for (const file of files) {
    const rel = path.relative(distDir, file);
    let json: any;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push({ file: rel, message: `not valid JSON: ${(e as Error).message}` });
      continue;
    }
    if (!validate(json)) {
      for (const err of validate.errors ?? []) {
        problems.push({ file: rel, message: `${err.instancePath || '/'} ${err.message}${err.params ? ' ' + JSON.stringify(err.params) : ''}` });
      }
    }
    if (ids.has(json.id)) {
      problems.push({ file: rel, message: `duplicate plugin id ${json.id}` });
    }
    ids.add(json.id);
    if (JSON.stringify(json).match(/%(VERSION|TODAY|PLUGIN_ID)%/)) {
      problems.push({ file: rel, message: 'template placeholders were not replaced by the build' });
    }
    const dir = path.dirname(file);
    for (const logo of new Set([json.info?.logos?.small, json.info?.logos?.large])) {
      if (logo && !fs.existsSync(path.join(dir, logo))) {
        problems.push({ file: rel, message: `logo ${logo} is missing from the build` });
      }
    }
    if (!fs.existsSync(path.join(dir, 'module.js'))) {
      problems.push({ file: rel, message: 'module.js is missing next to plugin.json' });
    }
    if (json.backend) {
      const exe = path.join(dir, `${json.executable}_linux_amd64`);
      if (!fs.existsSync(exe)) {
        problems.push({ file: rel, message: `backend executable ${path.basename(exe)} is missing (npm run build:backend)` });
      } else if ((fs.statSync(exe).mode & 0o111) === 0) {
        problems.push({ file: rel, message: `${path.basename(exe)} is not executable` });
      }
    }
    if (json.type === 'app') {
      for (const inc of json.includes ?? []) {
        if ((inc.type === 'panel' || inc.type === 'datasource') && !fs.existsSync(path.join(dir, inc.path ?? ''))) {
          problems.push({ file: rel, message: `included ${inc.type} ${inc.path} does not exist` });
        }
      }
    }
  }
  return problems;
}

function findPluginJsons(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...findPluginJsons(full));
    } else if (entry.name === 'plugin.json') {
      out.push(full);
    }
  }
  return out;
}

if (require.main === module) {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  const problems = validatePluginDir(dist);
  for (const p of problems) {
    console.error(`${p.file}: ${p.message}`);
  }
  console.log(problems.length === 0 ? `plugin at ${path.relative(process.cwd(), dist) || '.'} is valid` : `${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
