/** Multi-seasonal decomposition: trend, seasonal components and remainder. */
export { mstlDecompose } from './mstlDecompose';
export type { Decomposition, DecomposeOptions } from './mstlDecompose';
export { centeredMovingAverage } from './centeredMovingAverage';
