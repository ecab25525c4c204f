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

/** augurs MSTL with an AutoETS trend (the anchor model), as point forecast and interval bounds. */
export function augursMstlForecast(
  trainingWindow: Float64Array,
  horizon: number,
  periods: number[],
  level: number
): { point: Float64Array; lower: Float64Array; upper: Float64Array } {
  ensureInitialised();
  const model = MSTL.ets(periods);
  try {
    model.fit(trainingWindow);
    const result = model.predict(horizon, level);
    const point = Float64Array.from(result.point);
    return {
      point,
      lower: Float64Array.from(result.intervals?.lower ?? point),
      upper: Float64Array.from(result.intervals?.upper ?? point),
    };
  } finally {
    model.free();
  }
}
