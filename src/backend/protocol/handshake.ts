/**
 * The go-plugin handshake, plugin side (hashicorp/go-plugin server.go; protocol notes 1.3–1.4):
 * refuse to run without the magic cookie, pick the highest app-protocol version both sides speak
 * from PLUGIN_PROTOCOL_VERSIONS (a comma list in no fixed order), and print exactly one line
 * `1|<version>|tcp|127.0.0.1:<port>|grpc` on stdout.
 */

export const MAGIC_COOKIE_KEY = 'grafana_plugin_type';
export const MAGIC_COOKIE_VALUE = 'datasource';
/** go-plugin's core protocol version. */
export const CORE_PROTOCOL_VERSION = 1;
/** App-protocol versions this plugin serves (Grafana's plugin protocol v2). */
export const SUPPORTED_PROTOCOL_VERSIONS = [2] as const;

export class HandshakeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandshakeError';
  }
}

/** Throws with a message for a person who ran the binary by hand when the cookie is missing or wrong. */
export function checkMagicCookie(env: NodeJS.ProcessEnv): void {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    throw new HandshakeError(
      'This binary is a Grafana backend plugin and is not meant to be executed directly. ' +
        'Grafana starts it; to run it by hand set grafana_plugin_type=datasource ' +
        '(and PLUGIN_PROTOCOL_VERSIONS=2).'
    );
  }
}

/**
 * Chooses the app-protocol version: the highest entry of PLUGIN_PROTOCOL_VERSIONS that this plugin
 * supports. An unset variable means the host speaks the default (2), as go-plugin assumes.
 */
export function negotiateProtocolVersion(env: NodeJS.ProcessEnv): number {
  const raw = env.PLUGIN_PROTOCOL_VERSIONS;
  if (raw === undefined || raw.trim() === '') {
    return SUPPORTED_PROTOCOL_VERSIONS[0];
  }
  const offered = raw
    .split(',')
    .map((v) => Number.parseInt(v.trim(), 10))
    .filter((v) => Number.isInteger(v));
  const common = offered.filter((v) => (SUPPORTED_PROTOCOL_VERSIONS as readonly number[]).includes(v));
  if (common.length === 0) {
    throw new HandshakeError(
      `Grafana offered plugin protocol versions "${raw}", but this plugin speaks only ` +
        `${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}. Use a plugin release made for this Grafana version.`
    );
  }
  return Math.max(...common);
}

/** The handshake line (without newline) for a plaintext gRPC server on 127.0.0.1:port. */
export function handshakeLine(port: number, protocolVersion: number): string {
  return `${CORE_PROTOCOL_VERSION}|${protocolVersion}|tcp|127.0.0.1:${port}|grpc`;
}
