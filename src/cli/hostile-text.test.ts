/**
 * Every command's output when the panel's text is hostile: server names, identifiers, nodes,
 * file names, account fields, error messages and details, debug lines. Nothing that could drive
 * a terminal gets through (no ESC, no C0 but newline, no DEL, no C1), in text or in --json, and
 * what is readable is still there.
 */
import { describe, expect, it } from 'vitest';
import { PanelError } from '../core/api/errors';
import type { Logger } from '../core/util/deps';
import { runInProcess } from '../../test/helpers/cli-harness';
import { createFakeClient, fakeServer } from '../../test/helpers/fake-client';

const ESC = '\u001b';
/** OSC 52 (clipboard), OSC 0 (title), a C1 OSC, CSI non-SGR in both forms, a DCS, a reset, a lone ESC. */
const EVIL = `${ESC}]52;c;cm0gLXJmIH4=\u0007${ESC}]0;owned${ESC}\\\u009d2;t\u009c${ESC}[2J\u009b1A${ESC}P$q${ESC}\\${ESC}c\u0085\r${ESC}`;

// eslint-disable-next-line no-control-regex -- control characters are what is looked for.
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const SERVER = fakeServer({ identifier: `ab${EVIL}cd`, name: `Lobby${EVIL}`, node: `Node${EVIL}` });

function hostileClient() {
  return createFakeClient({
    listServers: async () => [SERVER],
    getResources: async () => ({
      state: 'running',
      isSuspended: false,
      memoryBytes: 1,
      cpuAbsolute: 1,
      diskBytes: 1,
      networkRxBytes: 1,
      networkTxBytes: 1,
      uptimeMs: 1000,
    }),
    power: async () => {},
    getAccount: async () => ({
      id: 1,
      uuid: null,
      username: `admin${EVIL}`,
      email: `a${EVIL}@example.com`,
      isAdmin: false,
      firstName: `First${EVIL}`,
      lastName: null,
      language: `en${EVIL}`,
    }),
    listFiles: async () => [
      {
        name: `file${EVIL}.txt`,
        mode: `-rw${EVIL}`,
        modeBits: '644',
        sizeBytes: 1,
        isFile: true,
        isSymlink: false,
        mimetype: `text/plain${EVIL}`,
        createdAt: null,
        modifiedAt: `2024${EVIL}`,
      },
    ],
  });
}

function expectClean(result: { stdout: string; stderr: string }, what: string): void {
  expect(TERMINAL_CONTROL.test(result.stdout), `${what}: stdout ${JSON.stringify(result.stdout)}`).toBe(false);
  expect(TERMINAL_CONTROL.test(result.stderr), `${what}: stderr ${JSON.stringify(result.stderr)}`).toBe(false);
}

describe('hostile panel text in every command', () => {
  it.each([
    [['servers'], 'Lobby'],
    [['servers', '--json'], 'Lobby'],
    [['status', 'lobby'], 'Lobby'],
    [['status', 'lobby', '--json'], 'Lobby'],
    [['power', 'lobby', 'start'], 'Sent start to Lobby'],
    [['account'], 'admin'],
    [['account', '--json'], 'admin'],
    [['files', 'ls', 'lobby'], 'file'],
    [['files', 'ls', 'lobby', '--json'], 'file'],
  ])('%j', async (argv, readable) => {
    const result = await runInProcess(argv, { client: hostileClient() });
    expect(result.code).toBe(0);
    expectClean(result, argv.join(' '));
    expect(result.stdout + result.stderr).toContain(readable);
  });

  it('keeps the names in --json exactly, as escapes', async () => {
    const result = await runInProcess(['servers', '--json'], { client: hostileClient() });
    const [row] = JSON.parse(result.stdout) as Array<{ name: string; identifier: string }>;
    expect(row).toMatchObject({ name: SERVER.name, identifier: SERVER.identifier });
  });

  it('cleans an error message and detail from the panel (exit 1)', async () => {
    const client = createFakeClient({
      listServers: async () => {
        throw new PanelError({ kind: 'bad-response', status: 500, detail: `Server error${EVIL} at ${ESC}]8;;https://evil.example${ESC}\\here` });
      },
    });
    const result = await runInProcess(['servers'], { client });
    expect(result.code).toBe(1);
    expectClean(result, 'error');
    expect(result.stderr).toContain('pterotray: Server error');
    expect(result.stderr).toContain('here');
  });

  it('cleans the names listed in an ambiguous-server usage error (exit 2)', async () => {
    const client = createFakeClient({ listServers: async () => [SERVER, fakeServer({ identifier: 'x', name: `Lobby 2${EVIL}` })] });
    const result = await runInProcess(['status', 'lob'], { client });
    expect(result.code).toBe(2);
    expectClean(result, 'ambiguous');
    expect(result.stderr).toContain("'lob' matches 2 servers");
  });

  it('cleans --debug lines, whatever the core logs', async () => {
    let logger: Logger | undefined;
    const client = hostileClient();
    const result = await runInProcess(['servers', '--debug'], {
      client,
      deps: {
        createClient: (_connection, given) => {
          logger = given;
          given.debug(`GET /api/client${EVIL}`, { detail: `panel said${EVIL}` });
          given.warn(`retrying${EVIL}`);
          return client;
        },
      },
    });
    expect(logger).toBeDefined();
    expect(result.code).toBe(0);
    expectClean(result, 'debug');
    expect(result.stderr).toContain('debug: debug GET /api/client');
    expect(result.stderr).toContain('panel said');
  });

  it('says in files cat --help that the bytes are printed as they are', async () => {
    const help = await runInProcess(['files', 'cat', '--help']);
    expect(help.stdout).toContain("Prints the file's bytes as they are");
    expect(help.stdout).toContain('escape');
  });
});
