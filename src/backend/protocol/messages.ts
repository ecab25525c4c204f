/**
 * The decoded shapes of the protocol messages (proto-loader with keepCase, int64 as number, bytes as
 * Buffer, enums as strings, defaults filled). Field names follow proto/backend.proto.
 */

export interface DataSourceInstanceSettings {
  id: number;
  name: string;
  url: string;
  user: string;
  database: string;
  basicAuthEnabled: boolean;
  basicAuthUser: string;
  /** JSON text of jsonData (may be empty). */
  jsonData: Buffer;
  decryptedSecureJsonData: Record<string, string>;
  lastUpdatedMS: number;
  uid: string;
  apiVersion: string;
}

export interface PluginUser {
  login: string;
  name: string;
  email: string;
  role: string;
}

export interface PluginContext {
  orgId: number;
  pluginId: string;
  /** Null for backend-originated requests (alerting). */
  user: PluginUser | null;
  dataSourceInstanceSettings: DataSourceInstanceSettings | null;
  grafanaConfig: Record<string, string>;
  pluginVersion: string;
  userAgent: string;
  apiVersion: string;
  namespace: string;
}

export interface TimeRange {
  fromEpochMS: number;
  toEpochMS: number;
}

export interface DataQuery {
  refId: string;
  maxDataPoints: number;
  intervalMS: number;
  timeRange: TimeRange | null;
  json: Buffer;
  queryType: string;
}

export interface QueryDataRequest {
  pluginContext: PluginContext | null;
  headers: Record<string, string>;
  queries: DataQuery[];
  format: 'ARROW' | 'JSON';
}

export interface DataResponse {
  frames: Uint8Array[];
  error?: string;
  /** HTTP status; always set (Grafana treats 0 as unknown). */
  status: number;
  errorSource?: 'plugin' | 'downstream';
}

export interface QueryDataResponse {
  responses: Record<string, DataResponse>;
}

export interface CheckHealthRequest {
  pluginContext: PluginContext | null;
  headers: Record<string, string>;
}

export type HealthStatus = 'UNKNOWN' | 'OK' | 'ERROR';

export interface CheckHealthResult {
  status: HealthStatus;
  message: string;
  /** Serialized as JSON; must be an object (Grafana answers 500 for anything else). */
  details?: Record<string, unknown>;
}

export interface CallResourceRequest {
  pluginContext: PluginContext | null;
  path: string;
  method: string;
  url: string;
  headers: Record<string, { values: string[] }>;
  body: Buffer;
}

export interface ResourceResponse {
  status: number;
  headers?: Record<string, string[]>;
  body: Buffer | string;
}

/** What every handler gets besides the request: cancellation tied to the gRPC deadline. */
export interface CallContext {
  signal: AbortSignal;
  /** Epoch ms of the gRPC deadline, or undefined when the caller set none. */
  deadline?: number;
}
