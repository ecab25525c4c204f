/** @jest-environment node */
import { checkMagicCookie, handshakeLine, HandshakeError, negotiateProtocolVersion } from './handshake';

describe('go-plugin handshake', () => {
  it('refuses to run without the magic cookie, explaining how Grafana starts it', () => {
    expect(() => checkMagicCookie({})).toThrow(HandshakeError);
    expect(() => checkMagicCookie({ grafana_plugin_type: 'renderer' })).toThrow(/grafana_plugin_type=datasource/);
    expect(() => checkMagicCookie({ grafana_plugin_type: 'datasource' })).not.toThrow();
  });

  it.each([
    ['2', 2],
    ['1,2', 2],
    ['3,2', 2], // a future Grafana offering v3 first still gets v2, in any order
    [' 2 ,5', 2],
    [undefined, 2],
    ['', 2],
  ])('negotiates PLUGIN_PROTOCOL_VERSIONS=%p to %p', (offered, version) => {
    expect(negotiateProtocolVersion({ PLUGIN_PROTOCOL_VERSIONS: offered })).toBe(version);
  });

  it('fails clearly when the host offers no version this plugin speaks', () => {
    expect(() => negotiateProtocolVersion({ PLUGIN_PROTOCOL_VERSIONS: '1,3' })).toThrow(/offered plugin protocol versions "1,3"/);
  });

  it('prints the line go-plugin expects: core 1, app version, tcp, loopback address, grpc', () => {
    expect(handshakeLine(43123, 2)).toBe('1|2|tcp|127.0.0.1:43123|grpc');
  });
});
