/**
 * A hostile panel against the real app: enormous lists, a panel that claims a billion pages,
 * deeply nested and wrong-typed JSON, HTML where JSON was expected, bodies over the size cap, and
 * file names with control characters or `../`. Each gets a clear typed error (or is shown
 * harmlessly), nothing crashes, the tray stays right, and no file is written anywhere but the
 * folder the person chose for a download.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LIST_ITEMS } from '../../src/core/api/normalize';
import type { SimFault } from '../../src/sim';
import type { FileEntry, IpcResult } from '../../src/shared/types';
import { invoke } from '../e2e/helpers/app-on-sim';
import { MARK, eventually, expectAlive, trayMatchesPanel, trayProblem, useFaultApp, waitSettled } from '../faults/helpers/fault-app';

const LIST = 'GET /api/client';
const FILES = /\/files\/list$/;

const fileObject = (name: string, isFile = true): unknown => ({
  object: 'file_object',
  attributes: {
    name,
    mode: '-rw-r--r--',
    mode_bits: '644',
    size: 12,
    is_file: isFile,
    is_symlink: false,
    mimetype: 'text/plain',
    created_at: '2024-05-06T08:02:58+00:00',
    modified_at: '2024-05-06T08:02:58+00:00',
  },
});

const ok = (body: unknown): SimFault => ({ type: 'status', status: 200, body });

describe('a hostile panel, on the real app', () => {
  const env = useFaultApp({ sim: { servers: 3 } });
  let chosen: string;

  beforeAll(() => {
    chosen = mkdtempSync(join(tmpdir(), 'pterotray-hostile-'));
  });

  afterAll(() => {
    if (chosen) rmSync(chosen, { recursive: true, force: true });
  });

  const ref = () => {
    const server = env.sim.control.servers()[0];
    if (!server) throw new Error('no server');
    return { accountId: env.account.id, identifier: server.identifier };
  };
  const listFolder = (directory = '/'): Promise<IpcResult<FileEntry[]>> => invoke<FileEntry[]>(env.page, 'filesList', { server: ref(), directory });

  /** Answers the next file listing with `fault` and returns what the window got. */
  async function listWith(fault: SimFault): Promise<IpcResult<FileEntry[]>> {
    env.sim.control.injectFault({ route: FILES, count: 1, fault });
    return listFolder();
  }

  it('refuses malformed answers to a window call with a clear, typed error', async () => {
    const nested = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const cases: Array<[string, SimFault]> = [
      ['deeply nested arrays', ok(nested)],
      ['deeply nested objects', ok(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`)],
      ['a list whose data is a string', ok({ object: 'list', data: 'nope' })],
      ['entries whose attributes are numbers', ok({ object: 'list', data: [{ object: 'file_object', attributes: 42 }] })],
      [
        'a name of the wrong type',
        ok({ object: 'list', data: [{ object: 'file_object', attributes: { name: { evil: true }, size: 'big', is_file: 'yes' } }] }),
      ],
      ['JSON null', ok('null')],
      ['HTML where JSON was expected', { type: 'html' }],
      ['malformed JSON', { type: 'malformed' }],
    ];
    for (const [what, fault] of cases) {
      const reply = await listWith(fault);
      expect(reply.ok, what).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code, what).toBe('bad-response');
        expect(reply.error.message.length, what).toBeLessThan(300);
      }
    }
    await expectAlive(env);
    expect(trayMatchesPanel(env)).toBe(true);
  });

  it('refuses a body over the size cap, and takes an enormous list under it', async () => {
    // 65 MiB of JSON: over the client's 64 MiB cap.
    const padding = 'x'.repeat(65 * 1024 * 1024);
    const tooBig = await listWith(ok(`{"object":"list","data":[],"pad":"${padding}"}`));
    expect(tooBig.ok ? 'accepted' : tooBig.error.code).toBe('bad-response');
    // 20 000 entries: the client keeps the first MAX_LIST_ITEMS, the window survives them.
    const many = Array.from({ length: 20_000 }, (_, i) => fileObject(`file-${String(i).padStart(5, '0')}.txt`));
    const big = await listWith(ok({ object: 'list', data: many }));
    expect(big.ok ? big.value.length : big.error.code).toBe(MAX_LIST_ITEMS);
    await expectAlive(env);
  });

  it('walks no further than the panel proves: a billion pages claimed, the same page sent again', async () => {
    const response = await fetch(`${env.sim.url}/api/client`, { headers: { Authorization: `Bearer ${env.sim.apiKey}`, Accept: 'application/json' } });
    const page = (await response.json()) as Record<string, unknown>;
    const lying = {
      ...page,
      meta: {
        pagination: {
          total: 3_000_000_000,
          count: 3,
          per_page: 3,
          current_page: 1,
          total_pages: 1_000_000_000,
          links: { next: `${env.sim.url}/api/client?page=2` },
        },
      },
    };
    env.sim.control.injectFault({ route: LIST, count: 50, fault: ok(lying) });
    env.sim.control.resetCounts();
    await env.app.clickMenu(['Refresh now']);
    await eventually('the lying list walked', () => env.sim.control.requestCount(LIST) >= 2);
    await waitSettled(env);
    // Page 2 repeated page 1: the walk stopped there.
    expect(env.sim.control.requestCount(LIST)).toBeLessThanOrEqual(2);
    expect(trayMatchesPanel(env)).toBe(true);
  });

  it('survives a server list of the wrong types, and recovers when the panel makes sense again', async () => {
    env.sim.control.injectFault({
      route: LIST,
      count: 1,
      fault: ok({ object: 'list', data: [{ object: 'server', attributes: { identifier: 12, name: ['x'], limits: 'none', relationships: 7 } }] }),
    });
    await env.app.clickMenu(['Refresh now']);
    await env.app.waitFor(() => trayProblem(env.app) !== null, { timeoutMs: 10_000, message: 'the odd list shown as a problem' });
    await env.app.waitFor(() => trayProblem(env.app) === null && trayMatchesPanel(env), { timeoutMs: 20_000, message: 'back once the list makes sense' });
    await expectAlive(env);
  });

  it('shows file names with control characters or ../ harmlessly, and refuses to act on them', async () => {
    const hostile = [
      '../../evil.sh',
      '..',
      '.',
      'a\u0000b',
      '\u001b[31mred\u001b[0m',
      'line\r\nbreak',
      'x/../../y',
      '/etc/passwd',
      '..\\..\\evil.bat',
      `${'n'.repeat(300)}.txt`,
    ];
    const reply = await listWith(ok({ object: 'list', data: hostile.map((n) => fileObject(n)) }));
    // The listing is shown (or refused) without harm; whatever names the window holds, nothing it
    // can send back for an unsafe one gets past main.
    expect(reply.ok || reply.error.code === 'bad-response').toBe(true);
    const names = new Set([...hostile, ...(reply.ok ? reply.value.map((e) => e.name) : [])]);
    for (const name of names) {
      const path = `/${name}`;
      // What could climb out of the folder or smuggle a control character; a `/` without `..` stays
      // inside the server's root on the panel's side, so it is not refused here.
      // eslint-disable-next-line no-control-regex -- control characters are what is being looked for
      const unsafe = name.split('/').includes('..') || /[\u0000-\u001f\u007f]/.test(name);
      if (!unsafe) continue;
      for (const [method, args] of [
        ['filesRead', { server: ref(), path }],
        ['filesDownload', { server: ref(), path }],
        ['filesDelete', { server: ref(), root: '/', files: [name] }],
        ['filesRename', { server: ref(), root: '/', from: name, to: '/safe.txt' }],
      ] as const) {
        const refused = await invoke(env.page, method, args);
        expect(refused.ok ? `${method} accepted ${JSON.stringify(name)}` : refused.error.code).toBe('invalid-argument');
      }
    }
    expect(env.app.dialog.calls().filter((d) => d.kind === 'showSaveDialog')).toEqual([]);
    await expectAlive(env);
  });

  it('writes a download with a hostile name only inside the folder the person chose', async () => {
    const name = '..\\..\\evil.bat';
    env.sim.control.files(ref().identifier).write(`/${name}`, 'echo pwned\r\n');
    const parent = mkdtempSync(join(tmpdir(), 'pterotray-hostile-parent-'));
    const inside = join(parent, 'chosen');
    mkdirSync(inside);
    try {
      // The save dialog is offered the bare name; the person keeps it, in the folder they chose.
      await env.app.dialog.answerNext('showSaveDialog', { filePath: join(inside, name) });
      const started = await invoke<{ transferId: string } | null>(env.page, 'filesDownload', { server: ref(), path: `/${name}` });
      expect(started.ok).toBe(true);
      const offered = env.app.dialog
        .calls()
        .filter((d) => d.kind === 'showSaveDialog')
        .at(-1);
      expect(String(offered?.options.defaultPath ?? '')).toBe(name);
      await eventually('the download in place', () => readdirSync(inside).includes(name));
      expect(readdirSync(inside)).toEqual([name]);
      expect(readdirSync(parent)).toEqual(['chosen']);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
    await expectAlive(env);
    expect(
      env.app
        .tray()
        ?.menu?.some(
          (i) => i.label === `${MARK.running} ${env.sim.control.servers()[0]?.name}` || i.label === `${MARK.offline} ${env.sim.control.servers()[0]?.name}`,
        ),
    ).toBe(true);
  });
});
