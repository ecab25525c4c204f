import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { initSync, MSTL } from '@bsull/augurs/mstl';

let initialised = false;

/** Loads the augurs MSTL WebAssembly module synchronously (Node: read the .wasm bytes from the package). */
function ensureInitialised(): void {
  if (!initialised) {
    const require = createRequire(__filename);
    const packageDir = path.dirname(require.resolve('@bsull/augurs/mstl'));
    initSync({ module: readFileSync(path.join(packageDir, 'mstl_bg.wasm')) });
    initialised = true;
  }
}

/**
 * augurs MSTL with an AutoETS trend fitted to the series, and its in-sample fitted values (the only
 * view of the decomposition its JavaScript binding exposes: no separate trend or seasonal components).
 */
export function augursInSample(values: Float64Array, periods: number[]): Float64Array {
  ensureInitialised();
  const model = MSTL.ets(periods);
  try {
    model.fit(values);
    return Float64Array.from(model.predictInSample().point);
  } finally {
    model.free();
  }
}
