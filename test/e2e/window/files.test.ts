// One sim version (default, or SIM_VERSION's): Wings' file routes are alike on every release (client.test.ts and client-files.test.ts run them on each).
/**
 * The file manager in the real window, against the sim's file tree: the 10,000-entry folder, the
 * odd names, and rename, delete, compress and chmod carried out on the panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ODD_FILE_NAMES, type SimFiles } from '../../../src/sim';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { closeEditor, editor, editorText, fileCount, fileList, fileRow, openEntry, renderedFileRows, runFileAction } from '../helpers/files-kit';
import { openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

describe.skipIf(!hasSecretService)('the file manager', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  let files: SimFiles;

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 2 } });
    watch = watchConsole(env.page, env.app);
    const server = env.sim.control.servers()[0]!;
    files = env.sim.control.files(server.identifier);
    // Made before the first listing, so the root shows them; the specs below change them.
    files.write('/rename-me.txt', 'to be renamed\n');
    files.write('/delete-me.txt', 'to be deleted\n');
    await openServer(env.page, server.name, 'Files');
    await fileRow(env.page, 'server.properties').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  it('lists the root, odd names included, in Wings’ order', async () => {
    const names = files.list('/');
    await expect.poll(() => fileCount(env.page).innerText()).toBe(`${names.length} items`);
    const shown = await renderedFileRows(env.page).evaluateAll((rows) => rows.map((row) => row.querySelector('.label')?.getAttribute('title')));
    expect(shown).toEqual(names);
    for (const odd of ODD_FILE_NAMES) expect(shown).toContain(odd);
    await shot(env.page, 'files-root');
  });

  it('opens every odd name in the editor with the panel’s exact content', async () => {
    for (const name of ODD_FILE_NAMES) {
      await openEntry(env.page, name);
      await editor(env.page, name).waitFor();
      // The editor's lines joined: a final line break leaves an empty last line, as in the file.
      const expected = files.readText(`/${name}`);
      await expect.poll(() => editorText(env.page), { message: name }).toBe(expected);
      if (name === '100% #1 & more?.txt') await shot(env.page, 'files-odd-name-open');
      await closeEditor(env.page);
    }
  });

  it('opens the 10,000-entry folder fast, with few rows in the DOM, and scrolls to its end', async () => {
    const started = Date.now();
    await openEntry(env.page, 'big');
    await expect.poll(() => fileCount(env.page).innerText(), { timeout: 15_000 }).toBe('10,000 items');
    await fileRow(env.page, 'entry-00001.txt').waitFor();
    // Measured here at 1-3 s on a quiet machine, nearly all of it the sim and the double's IPC
    // (Playwright bindings carry the 2.7 MB listing; the renderer's own work is tens of ms).
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await renderedFileRows(env.page).count()).toBeLessThan(80);
    const viewport = fileList(env.page).locator('[data-viewport]');
    await viewport.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await fileRow(env.page, 'entry-10000.txt').waitFor();
    expect(await renderedFileRows(env.page).count()).toBeLessThan(80);
    await viewport.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await fileRow(env.page, 'entry-05000.txt').waitFor();
    await shot(env.page, 'files-10000-entries');
    // The keyboard gets there too: End from a row in the middle reveals and focuses the last one.
    await fileRow(env.page, 'entry-05000.txt').click();
    await env.page.keyboard.press('End');
    const last = fileRow(env.page, 'entry-10000.txt');
    await last.waitFor();
    expect(await fileList(env.page).getAttribute('aria-activedescendant')).toBe(await last.getAttribute('id'));
    await env.page.getByRole('button', { name: 'Up one folder (Backspace)' }).click();
    await fileRow(env.page, 'server.properties').waitFor();
  });

  it('closes a dialog on Escape, creating nothing, and gives the focus back to what opened it', async () => {
    const opener = env.page.getByRole('button', { name: 'New folder' });
    await opener.click();
    const dialog = env.page.getByRole('dialog', { name: 'New folder' });
    await dialog.getByLabel('Name').fill('not made');
    expect(await dialog.getByLabel('Name').evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    await env.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await opener.evaluate((button) => button === button.ownerDocument.activeElement)).toBe(true);
    expect(files.exists('/not made')).toBe(false);
  });

  it('renames a file on the panel through the rename dialog', async () => {
    await runFileAction(env.page, 'rename-me.txt', 'Rename or move…');
    const dialog = env.page.getByRole('dialog', { name: 'Rename or move “rename-me.txt”' });
    const input = dialog.getByLabel('New name, or a path to move it to');
    expect(await input.inputValue()).toBe('rename-me.txt');
    await input.fill('renamed file.txt');
    await shot(env.page, 'files-rename-dialog');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await fileRow(env.page, 'renamed file.txt').waitFor();
    expect(files.exists('/rename-me.txt')).toBe(false);
    expect(files.readText('/renamed file.txt')).toBe('to be renamed\n');
  });

  it('asks before deleting, naming what goes, then deletes it on the panel', async () => {
    await runFileAction(env.page, 'delete-me.txt', 'Delete…');
    const dialog = env.page.getByRole('dialog', { name: 'Delete “delete-me.txt”?' });
    await dialog.waitFor();
    expect(await dialog.getByRole('listitem').allInnerTexts()).toEqual(['delete-me.txt']);
    await shot(env.page, 'files-delete-confirm');
    expect(files.exists('/delete-me.txt')).toBe(true);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => fileRow(env.page, 'delete-me.txt').count()).toBe(0);
    expect(files.exists('/delete-me.txt')).toBe(false);
  });

  it('compresses a file into an archive that appears in the folder', async () => {
    const before = new Set(files.list('/'));
    await runFileAction(env.page, 'eula.txt', 'Compress');
    await env.page
      .getByRole('status')
      .filter({ hasText: /Created the archive “archive-.+\.tar”/ })
      .waitFor({ timeout: 15_000 });
    const archive = files.list('/').find((name) => !before.has(name));
    expect(archive).toMatch(/^archive-.+\.tar$/);
    await fileRow(env.page, archive!).waitFor();
    expect(files.stat(`/${archive}`)!.sizeBytes).toBeGreaterThan(512);
    await shot(env.page, 'files-compressed');
  });

  it('changes a file’s permissions on the panel (chmod)', async () => {
    expect(files.stat('/start.sh')!.modeBits).toBe('755');
    await runFileAction(env.page, 'start.sh', 'Permissions…');
    const dialog = env.page.getByRole('dialog', { name: 'Permissions of “start.sh”' });
    expect(await dialog.getByRole('checkbox', { name: 'Others execute' }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Group execute' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Others execute' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Others read' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Group read' }).uncheck();
    expect(await dialog.getByLabel('Octal value').inputValue()).toBe('700');
    await shot(env.page, 'files-chmod-dialog');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => files.stat('/start.sh')!.modeBits, { timeout: 10_000 }).toBe('700');
    await expect.poll(() => fileRow(env.page, 'start.sh').getByRole('gridcell').nth(3).innerText()).toBe('-rwx------');
  });

  it('printed no CSP violation and no error', () => {
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
