/** Group outlier detection: which members of a group of series deviate from the group (DBSCAN, MAD). */
export { dbscanOutliers } from './dbscanOutliers';
export type { DbscanOutlierOptions } from './dbscanOutliers';
export { madOutliers } from './madOutliers';
export type { MadOutlierOptions } from './madOutliers';
export { outlierIntervals } from './outlierIntervals';
export type { GroupOutlierResult, OutlierInterval } from './types';
