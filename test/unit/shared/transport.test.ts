/** The plain-http rule (src/shared/transport.ts): loopback only, unless the person allowed it. */
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isPlainNetworkAddress, mayUse, transportOf } from '../../../src/shared/transport';

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['LOCALHOST.', true],
    ['panel.localhost', true],
    ['[::1]', true],
    ['::1', true],
    ['[::ffff:7f00:1]', true],
    ['128.0.0.1', false],
    ['10.0.0.5', false],
    ['192.168.1.2', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
    ['127.0.0.256', false],
    ['[::2]', false],
    ['0.0.0.0', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('transportOf and mayUse', () => {
  it.each([
    ['https://panel.example.com', 'encrypted', true, true],
    ['wss://node.example.com:8080/api/servers/u/ws', 'encrypted', true, true],
    ['http://127.0.0.1:8080', 'loopback', true, true],
    ['ws://localhost:8080/ws', 'loopback', true, true],
    ['http://panel.example.com', 'plain', false, true],
    ['ws://192.168.1.20:8080/ws', 'plain', false, true],
    ['http://127.0.0.1.nip.io', 'plain', false, true],
    ['ftp://panel.example.com', 'unknown', false, false],
    ['not a url', 'unknown', false, false],
  ] as const)('%s is %s; usable: %s, with plain allowed: %s', (address, transport, usable, usableWhenAllowed) => {
    expect(transportOf(address)).toBe(transport);
    expect(mayUse(address, false)).toBe(usable);
    expect(mayUse(address, true)).toBe(usableWhenAllowed);
    expect(isPlainNetworkAddress(address)).toBe(transport === 'plain');
  });
});
