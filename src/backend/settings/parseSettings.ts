/**
 * Turns the datasource's instance settings (jsonData as JSON bytes + decryptedSecureJsonData) into
 * typed settings: one UpstreamConfig per configured upstream and the analysis defaults. Key names are
 * the provisioning contract in src/datasource/types.ts. Errors name the key an admin has to fix and
 * never echo a secret.
 */
import {
  SETTINGS_DEFAULTS,
  type ForesightDataSourceOptions,
  type SourceKind,
  type UpstreamAuth,
} from '../../datasource/types';
import type { DataSourceInstanceSettings } from '../protocol/messages';
import type { UpstreamConfig } from '../upstream/types';

export interface ForesightSettings {
  /** Undefined when no Prometheus URL is configured. */
  prometheus?: UpstreamConfig;
  /** Undefined when no Loki URL is configured. */
  loki?: UpstreamConfig;
  defaultTraining: string;
  defaultSensitivity: number;
  maxSeries: number;
  maxPoints: number;
}

/** A datasource configuration an admin must fix; the message names the key. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

const AUTH_KINDS: readonly UpstreamAuth[] = ['none', 'basic', 'bearer'];

function parseJsonData(bytes: Buffer | Uint8Array | undefined): ForesightDataSourceOptions {
  const text = bytes === undefined ? '' : Buffer.from(bytes).toString('utf8').trim();
  if (text === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SettingsError('The datasource settings (jsonData) are not valid JSON; save the datasource again.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SettingsError('The datasource settings (jsonData) must be a JSON object.');
  }
  return parsed as ForesightDataSourceOptions;
}

function optionalString(jsonData: Record<string, unknown>, key: string): string | undefined {
  const value = jsonData[key];
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new SettingsError(`jsonData.${key} must be a string, got ${typeof value}.`);
  }
  return value.trim();
}

function positiveNumber(jsonData: Record<string, unknown>, key: string, fallback: number): number {
  const value = jsonData[key];
  if (value === undefined || value === null || value === '') {
    return fallback;
  }
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) {
    throw new SettingsError(`jsonData.${key} must be a positive number, got ${JSON.stringify(value)}.`);
  }
  return number;
}

function booleanSetting(jsonData: Record<string, unknown>, key: string): boolean {
  const value = jsonData[key];
  if (value === undefined || value === null) {
    return false;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  throw new SettingsError(`jsonData.${key} must be true or false, got ${JSON.stringify(value)}.`);
}

function normaliseUrl(key: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The raw text is not echoed: a mistyped URL may still carry credentials.
    throw new SettingsError(`jsonData.${key} is not a URL; write it like http://prometheus:9090.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SettingsError(`jsonData.${key} must start with http:// or https://, got "${url.protocol}".`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new SettingsError(
      `jsonData.${key} must not contain credentials; use ${key.replace('Url', 'Auth')} = basic and the password field.`
    );
  }
  return raw.replace(/\/+$/, '');
}

function upstreamConfig(
  kind: SourceKind,
  jsonData: Record<string, unknown>,
  secure: Record<string, string>
): UpstreamConfig | undefined {
  const urlKey = `${kind}Url`;
  const rawUrl = optionalString(jsonData, urlKey);
  if (rawUrl === undefined) {
    return undefined;
  }
  const authKey = `${kind}Auth`;
  const auth = (optionalString(jsonData, authKey) ?? 'none') as UpstreamAuth;
  if (!AUTH_KINDS.includes(auth)) {
    throw new SettingsError(`jsonData.${authKey} must be one of ${AUTH_KINDS.join(', ')}, got "${auth}".`);
  }
  const config: UpstreamConfig = {
    url: normaliseUrl(urlKey, rawUrl),
    auth,
    tlsSkipVerify: booleanSetting(jsonData, `${kind}TlsSkipVerify`),
    timeoutSeconds: positiveNumber(jsonData, `${kind}TimeoutSeconds`, SETTINGS_DEFAULTS.timeoutSeconds),
    headers: customHeaders(kind, jsonData, secure),
  };
  const caCert = secure[`${kind}TlsCACert`];
  if (caCert) {
    config.tlsCACert = caCert;
  }
  if (auth === 'basic') {
    const user = optionalString(jsonData, `${kind}BasicAuthUser`);
    if (user === undefined) {
      throw new SettingsError(`${authKey} is basic but jsonData.${kind}BasicAuthUser is empty.`);
    }
    config.basicAuthUser = user;
    config.basicAuthPassword = secure[`${kind}BasicAuthPassword`] ?? '';
  } else if (auth === 'bearer') {
    const token = secure[`${kind}BearerToken`];
    if (!token) {
      throw new SettingsError(`${authKey} is bearer but no ${kind} bearer token is saved (secureJsonData.${kind}BearerToken).`);
    }
    config.bearerToken = token;
  }
  return config;
}

/** Custom header N takes its value from secureJsonData.customHeaderValue<N>, N being its index in the list. */
function customHeaders(
  kind: SourceKind,
  jsonData: Record<string, unknown>,
  secure: Record<string, string>
): Record<string, string> {
  const list = jsonData.customHeaders;
  if (list === undefined || list === null) {
    return {};
  }
  if (!Array.isArray(list)) {
    throw new SettingsError('jsonData.customHeaders must be a list of { target, name }.');
  }
  const headers: Record<string, string> = {};
  list.forEach((entry: unknown, index) => {
    const header = entry as { target?: unknown; name?: unknown } | null;
    if (header === null || typeof header !== 'object' || typeof header.name !== 'string' || header.name.trim() === '') {
      throw new SettingsError(`jsonData.customHeaders[${index}] needs a header name.`);
    }
    if (header.target !== 'prometheus' && header.target !== 'loki') {
      throw new SettingsError(`jsonData.customHeaders[${index}].target must be prometheus or loki.`);
    }
    if (header.target === kind) {
      headers[header.name.trim()] = secure[`customHeaderValue${index}`] ?? '';
    }
  });
  return headers;
}

/** Parses instance settings; throws SettingsError naming the offending key. */
export function parseSettings(instance: DataSourceInstanceSettings | null | undefined): ForesightSettings {
  const jsonData = parseJsonData(instance?.jsonData) as Record<string, unknown>;
  const secure = instance?.decryptedSecureJsonData ?? {};
  const defaultSensitivity = jsonData.defaultSensitivity ?? SETTINGS_DEFAULTS.defaultSensitivity;
  if (typeof defaultSensitivity !== 'number' || !(defaultSensitivity >= 0 && defaultSensitivity <= 1)) {
    throw new SettingsError(`jsonData.defaultSensitivity must be a number from 0 to 1, got ${JSON.stringify(defaultSensitivity)}.`);
  }
  customHeaders('prometheus', jsonData, secure); // validates the list even when no upstream uses it
  return {
    prometheus: upstreamConfig('prometheus', jsonData, secure),
    loki: upstreamConfig('loki', jsonData, secure),
    defaultTraining: optionalString(jsonData, 'defaultTraining') ?? SETTINGS_DEFAULTS.defaultTraining,
    defaultSensitivity,
    maxSeries: Math.floor(positiveNumber(jsonData, 'maxSeries', SETTINGS_DEFAULTS.maxSeries)),
    maxPoints: Math.floor(positiveNumber(jsonData, 'maxPoints', SETTINGS_DEFAULTS.maxPoints)),
  };
}
