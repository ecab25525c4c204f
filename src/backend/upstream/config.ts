/**
 * Resolving one upstream's connection settings from the datasource's `jsonData` and decrypted
 * `secureJsonData` (the provisioning contract in the architecture doc).
 */
import { SETTINGS_DEFAULTS, type ForesightDataSourceOptions, type SourceKind } from '../../datasource/types';
import type { UpstreamConfig } from './types';

/**
 * Builds the UpstreamConfig for `kind`, or `undefined` when its URL is empty (that upstream is not used).
 *
 * - auth: `none` (default), `basic` (user from jsonData, password from `<kind>BasicAuthPassword`) or
 *   `bearer` (`<kind>BearerToken`).
 * - custom headers: `jsonData.customHeaders[i]` whose `target` is `kind`, value from `customHeaderValue<i>`;
 *   headers without a name or value are skipped.
 * - TLS: `<kind>TlsSkipVerify`, `<kind>TlsCACert` (PEM, added to the system roots).
 * - timeout: `<kind>TimeoutSeconds`, default 30; non-positive or non-numeric values fall back to the default.
 *
 * @example
 * upstreamConfigFromSettings('prometheus', { prometheusUrl: 'http://prometheus:9090/' }, {})
 * // → { url: 'http://prometheus:9090', auth: 'none', tlsSkipVerify: false, timeoutSeconds: 30, headers: {} }
 */
export function upstreamConfigFromSettings(
  kind: SourceKind,
  jsonData: ForesightDataSourceOptions | undefined,
  secure: Record<string, string | undefined> | undefined
): UpstreamConfig | undefined {
  const settings = jsonData ?? {};
  const secrets = secure ?? {};
  const rawUrl = (kind === 'prometheus' ? settings.prometheusUrl : settings.lokiUrl)?.trim();
  if (!rawUrl) {
    return undefined;
  }
  const auth = (kind === 'prometheus' ? settings.prometheusAuth : settings.lokiAuth) ?? 'none';
  const timeout = kind === 'prometheus' ? settings.prometheusTimeoutSeconds : settings.lokiTimeoutSeconds;
  const caCert = secrets[`${kind}TlsCACert`]?.trim();

  const headers: Record<string, string> = {};
  (settings.customHeaders ?? []).forEach((header, index) => {
    const name = header?.name?.trim();
    const value = secrets[`customHeaderValue${index}`];
    if (header?.target === kind && name && value !== undefined && value !== '') {
      headers[name] = value;
    }
  });

  const config: UpstreamConfig = {
    url: rawUrl.replace(/\/+$/, ''),
    auth: auth === 'basic' || auth === 'bearer' ? auth : 'none',
    tlsSkipVerify: (kind === 'prometheus' ? settings.prometheusTlsSkipVerify : settings.lokiTlsSkipVerify) === true,
    timeoutSeconds:
      typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0
        ? timeout
        : SETTINGS_DEFAULTS.timeoutSeconds,
    headers,
  };
  if (config.auth === 'basic') {
    config.basicAuthUser =
      (kind === 'prometheus' ? settings.prometheusBasicAuthUser : settings.lokiBasicAuthUser) ?? '';
    config.basicAuthPassword = secrets[`${kind}BasicAuthPassword`] ?? '';
  }
  if (config.auth === 'bearer') {
    config.bearerToken = secrets[`${kind}BearerToken`] ?? '';
  }
  if (caCert) {
    config.tlsCACert = caCert;
  }
  return config;
}

/** Problems an admin should fix in the settings of `kind`, for CheckHealth (no secrets in the text). */
export function describeConfigProblems(kind: SourceKind, config: UpstreamConfig): string[] {
  const title = kind === 'prometheus' ? 'Prometheus' : 'Loki';
  const problems: string[] = [];
  let url: URL | undefined;
  try {
    url = new URL(config.url);
  } catch {
    problems.push(
      `${title} URL "${config.url.replace(/\/\/[^@/]*@/, '//')}" is not a valid URL; expected e.g. http://${kind}:${kind === 'loki' ? 3100 : 9090}`
    );
  }
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`${title} URL must start with http:// or https://`);
  }
  if (config.auth === 'basic' && !config.basicAuthUser) {
    problems.push(`${title} basic auth is selected but the user is empty`);
  }
  if (config.auth === 'bearer' && !config.bearerToken) {
    problems.push(`${title} bearer auth is selected but no token is saved`);
  }
  if (config.tlsCACert && !config.tlsCACert.includes('-----BEGIN CERTIFICATE-----')) {
    problems.push(`${title} CA certificate is not PEM (it should start with -----BEGIN CERTIFICATE-----)`);
  }
  return problems;
}
