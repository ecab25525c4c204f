/**
 * Query model v1 and datasource settings, shared by the frontend (editors, panels) and the backend.
 *
 * This file must stay free of runtime imports from Grafana packages: the backend bundles it.
 * The names here are a provisioning contract (admins write them in YAML and alert rules), so
 * fields may be added but never renamed.
 */
import type { DataSourceJsonData } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';

/** The query schema version this build writes and understands. */
export const QUERY_SCHEMA_VERSION = 1;

/** Where the input series come from. */
export type SourceKind = 'prometheus' | 'loki';

export interface QuerySource {
  /** `prometheus` (PromQL) or `loki` (LogQL metric query, or a log query for log analyses). */
  kind: SourceKind;
  /** The PromQL or LogQL expression. */
  expr: string;
  /** Legend template such as `{{service}}`; defaults to the series labels. */
  legendFormat?: string;
}

/** What the backend does with the input series. */
export type AnalysisKind = 'passthrough' | 'anomaly' | 'forecast' | 'outliers' | 'decompose';

/** Anomaly detectors. `auto` combines the others with a calibrated score. */
export type AnomalyDetector = 'auto' | 'rolling' | 'seasonal' | 'changepoint';

/** Forecast models. `auto` picks one by rolling-origin backtesting on the training data. */
export type ForecastModel = 'auto' | 'linear' | 'holt' | 'mstl' | 'seasonal-naive';

/**
 * Seasonality: `auto` detects periods, `none` disables them, or a list of durations such as `['1d', '1w']`.
 */
export type Seasonality = 'auto' | 'none' | string[];

export interface PassthroughAnalysis {
  kind: 'passthrough';
}

export interface AnomalyAnalysis {
  kind: 'anomaly';
  /** Defaults to `auto`. */
  detector?: AnomalyDetector;
  /** 0 (only flag extreme deviations) .. 1 (flag small ones). Defaults to the datasource's `defaultSensitivity` (0.5). */
  sensitivity?: number;
  /** How much history before the visible range the detector learns from, e.g. `7d`. Defaults to the datasource's `defaultTraining`. */
  training?: string;
  /** Defaults to `auto`. */
  seasonality?: Seasonality;
}

export interface ForecastAnalysis {
  kind: 'forecast';
  /** Defaults to `auto`. */
  model?: ForecastModel;
  /** How far past the end of the range to forecast, e.g. `1d`. Defaults to `1d`. */
  horizon?: string;
  /** History the model is fitted on, e.g. `28d`. Defaults to the datasource's `defaultTraining`. */
  training?: string;
  /** Prediction-interval level in (0, 1). Defaults to 0.95. */
  intervalLevel?: number;
  /** Optional threshold: the backend reports when the forecast crosses it and how likely that is. */
  threshold?: number;
  /** Which way counts as crossing. Defaults to `above`. */
  thresholdDirection?: 'above' | 'below';
  /** Defaults to `auto`. */
  seasonality?: Seasonality;
}

export interface OutliersAnalysis {
  kind: 'outliers';
  /** Defaults to `dbscan` (as Grafana ML's outlier detector); `mad` is the alternative. */
  algorithm?: 'dbscan' | 'mad';
  /** 0..1; higher flags more series. Defaults to 0.5. */
  sensitivity?: number;
  training?: string;
}

export interface DecomposeAnalysis {
  kind: 'decompose';
  /** Defaults to `auto`. */
  seasonality?: Seasonality;
  training?: string;
}

export type Analysis = PassthroughAnalysis | AnomalyAnalysis | ForecastAnalysis | OutliersAnalysis | DecomposeAnalysis;

/**
 * `full` returns every field; the other modes return exactly one numeric series per input series,
 * which is what an alert rule needs.
 */
export type OutputMode =
  | 'full'
  | 'score'
  | 'anomalous'
  | 'expected'
  | 'forecast'
  | 'time-to-threshold'
  | 'threshold-probability';

/** A Foresight query as stored in dashboards and alert rules. */
export interface ForesightQuery extends DataQuery {
  schemaVersion: number;
  source: QuerySource;
  analysis: Analysis;
  /** Defaults to `full`. */
  output?: OutputMode;
}

/** Names of the fields in the frames the backend returns, so legends read well and panels find them. */
export const FIELD = {
  time: 'time',
  actual: 'actual',
  expected: 'expected',
  lower: 'lower',
  upper: 'upper',
  score: 'score',
  anomalous: 'anomalous',
  forecast: 'forecast',
  trend: 'trend',
  seasonal: 'seasonal',
  residual: 'residual',
  timeToThreshold: 'time_to_threshold',
  thresholdProbability: 'threshold_probability',
} as const;

export const DEFAULT_QUERY: Omit<ForesightQuery, 'refId'> = {
  schemaVersion: QUERY_SCHEMA_VERSION,
  source: { kind: 'prometheus', expr: '' },
  analysis: { kind: 'anomaly', detector: 'auto' },
  output: 'full',
};

export type UpstreamAuth = 'none' | 'basic' | 'bearer';

/** A custom header sent to one upstream; its value is in `secureJsonData.customHeaderValue<N>`. */
export interface CustomHeader {
  target: SourceKind;
  name: string;
}

/** Datasource `jsonData`: the provisioning contract of the architecture doc. */
export interface ForesightDataSourceOptions extends DataSourceJsonData {
  prometheusUrl?: string;
  lokiUrl?: string;
  prometheusAuth?: UpstreamAuth;
  lokiAuth?: UpstreamAuth;
  prometheusBasicAuthUser?: string;
  lokiBasicAuthUser?: string;
  prometheusTlsSkipVerify?: boolean;
  lokiTlsSkipVerify?: boolean;
  /** Upstream timeout in seconds. Defaults to 30. */
  prometheusTimeoutSeconds?: number;
  /** Upstream timeout in seconds. Defaults to 30. */
  lokiTimeoutSeconds?: number;
  customHeaders?: CustomHeader[];
  /** Training window used when a query gives none. Defaults to `7d`. */
  defaultTraining?: string;
  /** Sensitivity used when a query gives none. Defaults to 0.5. */
  defaultSensitivity?: number;
  /** Most series one query may return. Defaults to 500. */
  maxSeries?: number;
  /** Most points (series × samples) one query may process. Defaults to 2,000,000. */
  maxPoints?: number;
}

/** Datasource `secureJsonData`: write-only in the UI, decrypted only in the backend. */
export interface ForesightSecureJsonData {
  prometheusBasicAuthPassword?: string;
  prometheusBearerToken?: string;
  prometheusTlsCACert?: string;
  lokiBasicAuthPassword?: string;
  lokiBearerToken?: string;
  lokiTlsCACert?: string;
  [customHeaderValue: `customHeaderValue${number}`]: string | undefined;
}

export const SETTINGS_DEFAULTS = {
  timeoutSeconds: 30,
  defaultTraining: '7d',
  defaultSensitivity: 0.5,
  maxSeries: 500,
  maxPoints: 2_000_000,
} as const;
