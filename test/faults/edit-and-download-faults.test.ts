// One sim version (default, or SIM_VERSION's): the failed saves and cut downloads are injected, alike on every release.
/**
 * No data lost: the real window's file editor keeps a person's edit when the panel fails the save
 * (500, 409, a reset connection, a timeout), says so, and saves it once the panel answers again.
 * And a download cut off halfway leaves nothing behind, says it failed, and the next one is whole.
 * All driven like a person in the real app on the Electron double: tray, mouse and keyboard.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { SimFault } from '../../src/sim';
import { MARK, expectAlive, noticesSince, useFaultApp } from './helpers/fault-app';
import { faultCase } from './helpers/fault-ledger';

const WRITE = 'POST /api/client/servers/:server/files/write';
const FILE = 'server.properties';
const BIG = 'world-backup.bin';
const BIG_BYTES = 3 * 1024 * 1024;

describe('editing and downloading while the panel fails', () => {
  const env = useFaultApp();
  let downloads: string;
  let server: { identifier: string; name: string };

  beforeAll(async () => {
    downloads = mkdtempSync(join(tmpdir(), 'pterotray-downloads-'));
    const first = env.sim.control.servers()[0];
    if (!first) throw new Error('no server');
    server = first;
    env.sim.control.files(server.identifier).createLarge(`/${BIG}`, BIG_BYTES);
    await env.app.clickMenu([`${MARK[first.state]} ${first.name}`, 'Open files']);
    await env.page
      .getByRole('row', { name: new RegExp(FILE.replace('.', '\\.')) })
      .first()
      .waitFor({ timeout: 15_000 });
  });

  afterAll(() => {
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  const page = () => env.page;
  const editorText = () => page().getByRole('textbox', { name: `Contents of ${FILE}` });
  const saveFailed = () => page().getByRole('alert').filter({ hasText: 'Could not save. Your edits are kept.' });

  async function openInEditor(): Promise<void> {
    if (await editorText().isVisible()) return;
    await page()
      .getByRole('button', { name: `Actions for ${FILE}` })
      .click();
    await page().getByRole('menuitem', { name: 'Open' }).click();
    await editorText().waitFor({ timeout: 10_000 });
  }

  /** Types a line at the end of the file, saves with Ctrl+S while the panel fails, then again once it answers. */
  async function editThroughFault(fault: SimFault, marker: string, failTimeoutMs = 10_000): Promise<void> {
    const notices = env.app.notifications().length;
    await openInEditor();
    await editorText().click();
    await page().keyboard.press('Control+End');
    await page().keyboard.type(`\n# ${marker}`);
    env.sim.control.injectFault({ method: 'POST', route: WRITE, count: 1, fault });
    await page().keyboard.press('Control+s');
    await saveFailed().waitFor({ timeout: failTimeoutMs });
    // The edit is still in the editor, marked unsaved, and not on the panel.
    expect(await editorText().innerText()).toContain(marker);
    await page().getByRole('img', { name: 'Unsaved changes' }).waitFor({ timeout: 2_000 });
    expect(env.sim.control.files(server.identifier).readText(`/${FILE}`)).not.toContain(marker);
    // The panel answers again: the same edit saves, nothing retyped.
    await page().keyboard.press('Control+s');
    await page().getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });
    expect(env.sim.control.files(server.identifier).readText(`/${FILE}`)).toContain(`# ${marker}`);
    expect(await saveFailed().count()).toBe(0);
    expect(noticesSince(env.app, notices)).toEqual([]);
    await expectAlive(env);
  }

  faultCase('an edit being saved when the panel answers 500', async () => {
    await editThroughFault({ type: 'status', status: 500 }, 'edit-kept-through-500');
  });

  faultCase('an edit being saved when the server is suspended (409)', async () => {
    await editThroughFault(
      {
        type: 'status',
        status: 409,
        body: {
          errors: [
            {
              code: 'ServerStateConflictException',
              status: '409',
              detail: 'This server is currently suspended and the functionality requested is unavailable.',
            },
          ],
        },
      },
      'edit-kept-through-409',
    );
  });

  faultCase('an edit being saved when the connection resets', async () => {
    await editThroughFault({ type: 'reset' }, 'edit-kept-through-reset');
  });

  faultCase('an edit being saved when the panel times out', async () => {
    // The client gives up after its 20 s timeout; the panel holds the request longer.
    await editThroughFault({ type: 'delay', ms: 60_000 }, 'edit-kept-through-timeout', 30_000);
  });

  faultCase('a truncated download', async () => {
    // Back from the editor to the folder.
    if (await editorText().isVisible()) await page().getByRole('button', { name: /Close/ }).first().click();
    await page()
      .getByRole('row', { name: new RegExp(BIG.replace('.', '\\.')) })
      .first()
      .waitFor({ timeout: 10_000 });
    const target = join(downloads, BIG);
    const expected = await env.sim.control.files(server.identifier).sha256(`/${BIG}`);
    env.sim.control.injectFault({ route: 'GET /download/file', count: 1, fault: { type: 'truncate' } });
    await env.app.dialog.answerNext('showSaveDialog', { filePath: target });
    await page()
      .getByRole('button', { name: `Actions for ${BIG}` })
      .click();
    await page().getByRole('menuitem', { name: 'Download…' }).click();
    // Cut off halfway: the window says it failed, and no half file is left, not even a temp one.
    await page()
      .getByRole('alert')
      .filter({ hasText: new RegExp(`The download was cut off after \\d+ of ${BIG_BYTES} bytes; nothing was saved\\.`) })
      .waitFor({ timeout: 15_000 });
    expect(readdirSync(downloads)).toEqual([]);
    // The next download is whole.
    await env.app.dialog.answerNext('showSaveDialog', { filePath: target });
    await page()
      .getByRole('button', { name: `Actions for ${BIG}` })
      .click();
    await page().getByRole('menuitem', { name: 'Download…' }).click();
    await page().getByText('Done', { exact: true }).first().waitFor({ timeout: 15_000 });
    expect(readdirSync(downloads)).toEqual([BIG]);
    expect(createHash('sha256').update(readFileSync(target)).digest('hex')).toBe(expected);
    await expectAlive(env);
  });
});
