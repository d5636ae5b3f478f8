import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../../test/mock-api';
import { deferred, listing, renderPanel, row, rowNames, SERVER } from './panel-test-kit';
import { fileEntry, folderEntry } from './test-entries';

const ROOT = [folderEntry('backup'), folderEntry('cfg'), fileEntry('a b.txt'), fileEntry('-rf'), fileEntry('world.zip', { mimetype: 'application/zip' })];

async function openMenuFor(user: Awaited<ReturnType<typeof renderPanel>>['user'], name: string): Promise<HTMLElement> {
  await user.click(within(row(name)).getByRole('button', { name: `Actions for ${name}` }));
  return screen.getByRole('menu');
}

describe('delete', () => {
  it('confirms naming what goes, then deletes those names from the folder', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    await user.click(row('a b.txt'));
    await user.keyboard('{Control>}');
    await user.click(row('-rf'));
    await user.keyboard('{/Control}{Delete}');
    const dialog = screen.getByRole('dialog', { name: 'Delete 2 items?' });
    const listed = within(dialog)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(listed).toEqual(['-rf', 'a b.txt']);
    expect(within(dialog).getByText('These are deleted from the server for good:')).toBeTruthy();
    expect(mockApi.calls('filesDelete')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(mockApi.calls('filesDelete')).toEqual([[{ server: SERVER, root: '/', files: ['-rf', 'a b.txt'] }]]);
  });

  it('keeps the dialog open with the reason when the panel refuses', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    mockApi.fail('filesDelete', { code: 'conflict', message: 'raw', reason: 'suspended' });
    await user.click(row('a b.txt'));
    await user.keyboard('{Delete}');
    const dialog = screen.getByRole('dialog', { name: 'Delete “a b.txt”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(mockApi.calls('filesDelete')[0]).toEqual([{ server: SERVER, root: '/', files: ['a b.txt'] }]);
    expect(await within(dialog).findByRole('alert')).toHaveProperty('textContent', expect.stringMatching(/suspended/));
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('says that folders go with their contents', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    await user.click(row('cfg'));
    await user.keyboard('{Delete}');
    const dialog = screen.getByRole('dialog', { name: 'Delete “cfg”?' });
    expect(within(dialog).getByText(/folders with everything inside them/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(mockApi.calls('filesDelete')).toHaveLength(0);
  });
});

describe('rename and move', () => {
  it('renames in place with F2', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    await user.click(row('a b.txt'));
    await user.keyboard('{F2}');
    const input = screen.getByRole('textbox', { name: /New name/ });
    expect((input as HTMLInputElement).value).toBe('a b.txt');
    await user.clear(input);
    await user.type(input, 'c & d+%.txt{Enter}');
    await waitFor(() => expect(mockApi.calls('filesRename')).toHaveLength(1));
    expect(mockApi.calls('filesRename')[0]).toEqual([{ server: SERVER, root: '/', from: 'a b.txt', to: '/c & d+%.txt' }]);
  });

  it('moves from a subfolder with a relative path, sending root, from and the full new path', async () => {
    const { user } = await renderPanel({ '/': ROOT, '/cfg': [fileEntry('a b.txt')] });
    await user.dblClick(row('cfg'));
    await waitFor(() => expect(rowNames()).toEqual(['a b.txt']));
    await openMenuFor(user, 'a b.txt');
    await user.click(screen.getByRole('menuitem', { name: 'Rename or move…' }));
    const input = screen.getByRole('textbox', { name: /New name/ });
    await user.clear(input);
    await user.type(input, '../backup/{Enter}');
    await waitFor(() => expect(mockApi.calls('filesRename')).toHaveLength(1));
    expect(mockApi.calls('filesRename')[0]).toEqual([{ server: SERVER, root: '/cfg', from: 'a b.txt', to: '/backup/a b.txt' }]);
  });

  it('moves into a folder of the same folder when its name is typed, and refuses paths above the root', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    await user.click(row('-rf'));
    await user.keyboard('{F2}');
    const input = screen.getByRole('textbox', { name: /New name/ });
    await user.clear(input);
    await user.type(input, '../x{Enter}');
    expect(await screen.findByText(/not above \//)).toBeTruthy();
    await user.clear(input);
    await user.type(input, 'backup{Enter}');
    await waitFor(() => expect(mockApi.calls('filesRename')).toHaveLength(1));
    expect(mockApi.calls('filesRename')[0]![0]).toMatchObject({ root: '/', from: '-rf', to: '/backup/-rf' });
  });
});

describe('new file and new folder', () => {
  it('refuses to overwrite an existing name (checked against a fresh listing)', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    await user.click(screen.getByRole('button', { name: 'New file' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'a b.txt{Enter}');
    expect(await screen.findByText('“a b.txt” already exists in this folder. Choose another name.')).toBeTruthy();
    expect(mockApi.calls('filesWrite')).toHaveLength(0);
  });

  it('creates an empty file and opens it', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    mockApi.answer('filesRead', '');
    mockApi.bridge.filesWrite!.mockImplementation(async () => {
      listing({ '/': [...ROOT, fileEntry('#notes.md', { sizeBytes: 0 })] });
      return { ok: true, value: null };
    });
    await user.click(screen.getByRole('button', { name: 'New file' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), '#notes.md{Enter}');
    await waitFor(() => expect(mockApi.calls('filesRead')).toHaveLength(1));
    expect(mockApi.calls('filesWrite')[0]).toEqual([{ server: SERVER, path: '/#notes.md', content: '' }]);
    expect(mockApi.calls('filesRead')[0]).toEqual([{ server: SERVER, path: '/#notes.md' }]);
  });

  it('creates a folder, refusing a name with a slash', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    await user.click(screen.getByRole('button', { name: 'New folder' }));
    const input = screen.getByRole('textbox', { name: 'Name' });
    await user.type(input, 'a/b{Enter}');
    expect(await screen.findByText(/cannot be empty/)).toBeTruthy();
    await user.clear(input);
    await user.type(input, 'new + folder{Enter}');
    await waitFor(() => expect(mockApi.calls('filesCreateFolder')).toHaveLength(1));
    expect(mockApi.calls('filesCreateFolder')[0]).toEqual([{ server: SERVER, root: '/', name: 'new + folder' }]);
  });
});

describe('row menu actions', () => {
  it('compresses in the background, showing it busy, then names the archive', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    const release = deferred('filesCompress', fileEntry('archive-2024.tar.gz'));
    await openMenuFor(user, 'cfg');
    await user.click(screen.getByRole('menuitem', { name: 'Compress' }));
    expect(await screen.findByText(/Compressing 1 item… this can take minutes/)).toBeTruthy();
    expect(mockApi.calls('filesCompress')[0]).toEqual([{ server: SERVER, root: '/', files: ['cfg'] }]);
    await user.click(row('a b.txt'));
    release();
    expect(await screen.findByText('Created the archive “archive-2024.tar.gz”.')).toBeTruthy();
    expect(screen.queryByText(/Compressing/)).toBeNull();
  });

  it('offers Decompress for archives only, and copies and decompresses by full path', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    let menu = await openMenuFor(user, 'a b.txt');
    expect(within(menu).queryByRole('menuitem', { name: /Decompress/ })).toBeNull();
    await user.click(within(menu).getByRole('menuitem', { name: 'Make a copy' }));
    expect(mockApi.calls('filesCopy')[0]).toEqual([{ server: SERVER, path: '/a b.txt' }]);
    menu = await openMenuFor(user, 'world.zip');
    await user.click(within(menu).getByRole('menuitem', { name: 'Decompress here' }));
    expect(mockApi.calls('filesDecompress')[0]).toEqual([{ server: SERVER, path: '/world.zip' }]);
  });

  it('closes the menu with Escape and moves through it with the arrow keys', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    await openMenuFor(user, 'a b.txt');
    expect(document.activeElement?.textContent).toBe('Open');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Rename or move…');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('Delete…');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('changes permissions with the checkboxes and sends the octal mode as a string', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    await openMenuFor(user, '-rf');
    await user.click(screen.getByRole('menuitem', { name: 'Permissions…' }));
    const octal = screen.getByRole('textbox', { name: 'Octal value' }) as HTMLInputElement;
    expect(octal.value).toBe('644');
    await user.click(screen.getByRole('checkbox', { name: 'Owner execute' }));
    await user.click(screen.getByRole('checkbox', { name: 'Group execute' }));
    await user.click(screen.getByRole('checkbox', { name: 'Others execute' }));
    expect(octal.value).toBe('755');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(mockApi.calls('filesChmod')).toHaveLength(1));
    expect(mockApi.calls('filesChmod')[0]).toEqual([{ server: SERVER, path: '/-rf', mode: '755' }]);
  });

  it('downloads each selected file (not folders), through main', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    mockApi.bridge.filesDownload!.mockImplementation(async ({ path }: { path: string }) => ({ ok: true, value: { transferId: `dl:${path}` } }));
    await user.keyboard('{Control>}');
    for (const name of ['backup', 'a b.txt', '-rf']) await user.click(row(name));
    await user.keyboard('{/Control}');
    const menu = await openMenuFor(user, '-rf');
    await user.click(within(menu).getByRole('menuitem', { name: 'Download 2 files…' }));
    await waitFor(() => expect(mockApi.calls('filesDownload')).toHaveLength(2));
    expect(mockApi.calls('filesDownload').map((c) => (c[0] as { path: string }).path)).toEqual(['/-rf', '/a b.txt']);
    expect(await screen.findAllByRole('progressbar')).toHaveLength(2);
  });
});
