import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { initSync, MSTL } from '@bsull/augurs/mstl';

let initialised = false;

/**
 * augurs' MSTL class, its WebAssembly module loaded synchronously on first use (Node: the .wasm bytes
 * are read from the package). The baseline the forecast and decompose benchmarks measure against.
 */
export function augursMstl(): typeof MSTL {
  if (!initialised) {
    const require = createRequire(__filename);
    const packageDir = path.dirname(require.resolve('@bsull/augurs/mstl'));
    initSync({ module: readFileSync(path.join(packageDir, 'mstl_bg.wasm')) });
    initialised = true;
  }
  return MSTL;
}
