import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../../src/core/wings/backoff';
import { classifyClose, isTransferReconnectStatus } from '../../../../src/core/wings/close-policy';
import { encodeFrame, parseFrame } from '../../../../src/core/wings/frames';
import { interpretFrame, explainJwtError, isRefreshableJwtError } from '../../../../src/core/wings/inbound';
import { panelOrigin } from '../../../../src/core/wings/origin';
import { parsePowerState, parseStats } from '../../../../src/core/wings/stats';

describe('frames', () => {
  it('encodes with and without args', () => {
    expect(encodeFrame('auth', ['t'])).toBe('{"event":"auth","args":["t"]}');
    expect(encodeFrame('send logs')).toBe('{"event":"send logs"}');
  });

  it.each<[string, unknown]>([
    ['text', '{"event":"status","args":["running"]}'],
    ['a buffer', Buffer.from('{"event":"status","args":["running"]}')],
    ['fragments', [Buffer.from('{"event":"sta'), Buffer.from('tus","args":["running"]}')]],
  ])('parses %s', (_name, data) => {
    expect(parseFrame(data)).toEqual({ event: 'status', args: ['running'] });
  });

  it.each<unknown>(['nope', '[]', 'null', '{"args":[]}', '{"event":""}', 42, {}])('rejects %j', (data) => {
    expect(parseFrame(data)).toBeNull();
  });

  it('defaults missing args to an empty list', () => {
    expect(parseFrame('{"event":"deleted"}')).toEqual({ event: 'deleted', args: [] });
  });
});

describe('interpretFrame', () => {
  it.each<[string, string[], unknown]>([
    ['auth success', [], { type: 'auth-success' }],
    ['token expiring', [], { type: 'token-expiring' }],
    ['token expired', [], { type: 'token-expired' }],
    ['status', ['stopping'], { type: 'emit', emit: { event: 'status', payload: 'stopping' } }],
    ['status', ['weird'], { type: 'ignore', why: 'unknown power state' }],
    ['install output', ['x'], { type: 'emit', emit: { event: 'install-output', payload: 'x' } }],
    ['transfer logs', ['y'], { type: 'emit', emit: { event: 'transfer-logs', payload: 'y' } }],
    ['daemon message', ['hi'], { type: 'emit', emit: { event: 'daemon-message', payload: 'hi' } }],
    ['install completed', [''], { type: 'emit', emit: { event: 'install-completed', payload: undefined } }],
    ['backup restore completed', [''], { type: 'emit', emit: { event: 'backup-restore-completed', payload: undefined } }],
    ['transfer status', ['processing'], { type: 'emit', emit: { event: 'transfer-status', payload: 'processing' } }],
    ['deleted', [], { type: 'emit', emit: { event: 'deleted', payload: undefined } }],
    ['throttled', [], { type: 'emit', emit: { event: 'throttled', payload: 'global' } }],
    ['backup completed', ['{}'], { type: 'ignore', why: 'backup completed without a uuid' }],
    ['feature match', ['eula'], { type: 'ignore', why: 'feature match without a key' }],
    [
      'feature match',
      ['{"key":"eula","pattern":"you need to agree to the eula","line":"You need to agree to the EULA in order to run the server."}'],
      {
        type: 'emit',
        emit: {
          event: 'feature-match',
          payload: { key: 'eula', pattern: 'you need to agree to the eula', line: 'You need to agree to the EULA in order to run the server.' },
        },
      },
    ],
    ['feature match', ['{"key":"gsl_token"}'], { type: 'emit', emit: { event: 'feature-match', payload: { key: 'gsl_token', pattern: '', line: '' } } }],
  ])('%s %j', (event, args, expected) => {
    expect(interpretFrame({ event, args })).toEqual(expected);
  });

  it('takes the backup uuid from the body when the event name has no suffix', () => {
    const action = interpretFrame({ event: 'backup completed', args: ['{"uuid":"u-1","is_successful":false}'] });
    expect(action).toMatchObject({ type: 'emit', emit: { payload: { uuid: 'u-1', isSuccessful: false, checksum: null } } });
  });

  it.each<[string, boolean, boolean]>([
    ['jwt: exp claim is invalid', true, false],
    ['Error Event [abc]: jwt: exp claim is invalid', true, false],
    ['Error Event [abc]: jwt: created too far in past (denylist)', true, true],
    ['jwt: created too far in past (denylist)', true, true],
    ['jwt: missing connect permission', false, false],
    ['jwt: server uuid mismatch', false, false],
  ])('jwt error %j refreshable: %s, a denial: %s', (message, expected, isDenial) => {
    expect(isRefreshableJwtError(message)).toBe(expected);
    expect(interpretFrame({ event: 'jwt error', args: [message] })).toEqual({
      type: 'jwt-error',
      message,
      isRefreshable: expected,
      isDenial,
    });
  });
});

describe('parseStats', () => {
  const expected = {
    state: 'running',
    isSuspended: false,
    memoryBytes: 100,
    cpuAbsolute: 12.5,
    diskBytes: 300,
    networkRxBytes: 10,
    networkTxBytes: 20,
    uptimeMs: 5000,
  };

  it('reads the websocket shape (state, nested network) from a JSON string', () => {
    const ws = { memory_bytes: 100, cpu_absolute: 12.5, disk_bytes: 300, uptime: 5000, state: 'running', network: { rx_bytes: 10, tx_bytes: 20 } };
    expect(parseStats(JSON.stringify(ws))).toEqual(expected);
  });

  it('reads the REST shape (current_state, flat network) and the simplified one (state)', () => {
    const resources = { memory_bytes: 100, cpu_absolute: 12.5, disk_bytes: 300, network_rx_bytes: 10, network_tx_bytes: 20, uptime: 5000 };
    expect(parseStats({ object: 'stats', attributes: { current_state: 'running', is_suspended: false, resources } })).toEqual(expected);
    expect(parseStats({ attributes: { state: 'running', resources } })).toEqual(expected);
  });

  it('maps stopped to offline, fills missing numbers with 0, rejects garbage', () => {
    expect(parseStats('{"state":"stopped"}')).toMatchObject({ state: 'offline', memoryBytes: 0, networkRxBytes: 0 });
    expect(parseStats('{not json')).toBeNull();
    expect(parseStats('[1,2]')).toBeNull();
    expect(parsePowerState('Running')).toBe('running');
    expect(parsePowerState(3)).toBeNull();
  });
});

describe('backoffDelayMs', () => {
  it('doubles from the initial delay up to the ceiling, half of it jittered', () => {
    const opts = { initialMs: 1_000, maxMs: 30_000 };
    expect([0, 1, 2, 5, 6, 40].map((a) => backoffDelayMs(a, opts, () => 0))).toEqual([500, 1_000, 2_000, 15_000, 15_000, 15_000]);
    expect(backoffDelayMs(0, opts, () => 0.999999)).toBe(1_000);
    expect(backoffDelayMs(5, opts, () => 1)).toBe(30_000);
  });
});

describe('close policy and origin', () => {
  it.each<[number, string, boolean, string]>([
    [4409, 'server is suspended', false, 'suspended'],
    [1001, 'server deleted', false, 'deleted'],
    [1001, '', true, 'deleted'],
    [1001, '', false, 'reconnect'],
    [1006, '', false, 'reconnect'],
    [1000, '', false, 'reconnect'],
  ])('close %i %j (deleted seen: %s) → %s', (code, reason, seen, verdict) => {
    expect(classifyClose(code, reason, seen)).toBe(verdict);
  });

  it('reconnects on transfer statuses except starting and success', () => {
    expect(['pending', 'processing', 'completed', 'failed'].every(isTransferReconnectStatus)).toBe(true);
    expect(isTransferReconnectStatus('starting') || isTransferReconnectStatus('success')).toBe(false);
  });

  it.each([
    ['https://panel.example.com/', 'https://panel.example.com'],
    ['https://panel.example.com:443/panel', 'https://panel.example.com'],
    ['http://10.0.0.5:8080', 'http://10.0.0.5:8080'],
    [' https://Panel.Example.com ', 'https://panel.example.com'],
  ])('origin of %j is %j', (url, origin) => {
    expect(panelOrigin(url)).toBe(origin);
  });
});

describe('explainJwtError', () => {
  it('names the side to upgrade for a scope error (a panel before 1.12.3 with Wings 1.12.2+)', () => {
    expect(explainJwtError('jwt: missing connect permission')).toMatch(/upgrade the panel to 1\.12\.3 or newer/);
    expect(explainJwtError('Error Event [x]: jwt: missing connect permission')).toMatch(/panel is older than its Wings/);
  });

  it('says nothing it does not know', () => {
    expect(explainJwtError('jwt: exp claim is invalid')).toBeNull();
    expect(explainJwtError('something else')).toBeNull();
  });
});
