import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../../../test/mock-api';
import type { CodeEditorOptions } from './code-editor-adapter';
import { EDIT_LIMIT_BYTES } from './entry-kind';
import { renderPanel, row, SERVER } from './panel-test-kit';
import { fileEntry } from './test-entries';
import { confirmLeave, hasUnsavedChanges } from '../../../lib/unsaved-guard';

// CodeMirror needs a real layout; this stand-in keeps the text and reports dirtiness the same way.
const fake = vi.hoisted(() => ({ options: null as CodeEditorOptions | null, text: '', saved: '', isDestroyed: false }));
vi.mock('./code-editor-adapter', () => ({
  createCodeEditor: (options: CodeEditorOptions) => {
    Object.assign(fake, { options, text: options.text, saved: options.text, isDestroyed: false });
    return {
      snapshot: () => ({ text: fake.text, version: fake.text }),
      markSaved: (version: unknown) => {
        fake.saved = version as string;
        options.onDirtyChange(fake.text !== fake.saved);
      },
      focus: () => {},
      destroy: () => (fake.isDestroyed = true),
    };
  },
}));

function typeInEditor(text: string): void {
  fake.text = text;
  fake.options!.onDirtyChange(fake.text !== fake.saved);
}

const PROPS = fileEntry('server.properties', { sizeBytes: 40 });

async function openEditor() {
  const kit = await renderPanel({
    '/': [PROPS, fileEntry('big.log', { sizeBytes: EDIT_LIMIT_BYTES + 1 }), fileEntry('server.jar', { mimetype: 'application/jar' })],
  });
  mockApi.answer('filesRead', 'motd=A Minecraft Server\n');
  await kit.user.dblClick(row('server.properties'));
  await waitFor(() => expect(fake.options).not.toBeNull());
  return kit;
}

describe('FileEditor', () => {
  it('opens a file by its path, with the syntax for its type', async () => {
    fake.options = null;
    await openEditor();
    expect(mockApi.calls('filesRead')[0]).toEqual([{ server: SERVER, path: '/server.properties' }]);
    expect(fake.options!.text).toBe('motd=A Minecraft Server\n');
    expect(fake.options!.language).toBe('properties');
    expect(screen.getByRole('region', { name: 'Editing server.properties' })).toBeTruthy();
  });

  it('marks edits dirty and saves with Ctrl+S', async () => {
    const { user } = await openEditor();
    expect(screen.queryByRole('img', { name: 'Unsaved changes' })).toBeNull();
    typeInEditor('motd=Hello #1 & 100%\n');
    expect(await screen.findByRole('img', { name: 'Unsaved changes' })).toBeTruthy();
    expect(hasUnsavedChanges()).toBe(true);
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(screen.queryByRole('img', { name: 'Unsaved changes' })).toBeNull());
    expect(mockApi.calls('filesWrite')).toEqual([[{ server: SERVER, path: '/server.properties', content: 'motd=Hello #1 & 100%\n' }]]);
    expect(screen.getByText('Saved.')).toBeTruthy();
    expect(hasUnsavedChanges()).toBe(false);
  });

  it('keeps the edits when a save fails, says why, and retries', async () => {
    const { user } = await openEditor();
    typeInEditor('changed');
    mockApi.fail('filesWrite', { code: 'conflict', message: 'raw', reason: 'suspended' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Could not save\. Your edits are kept\..*suspended/);
    expect(fake.isDestroyed).toBe(false);
    expect(fake.text).toBe('changed');
    expect(screen.getByRole('img', { name: 'Unsaved changes' })).toBeTruthy();
    mockApi.answer('filesWrite', undefined);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(mockApi.calls('filesWrite').map((c) => (c[0] as { content: string }).content)).toEqual(['changed', 'changed']);
  });

  it('explains the 4 MiB limit and offers Download instead of reading a large file', async () => {
    const { user } = await renderPanel({ '/': [fileEntry('big.log', { sizeBytes: EDIT_LIMIT_BYTES + 1 })] });
    mockApi.answer('filesDownload', { transferId: 'd1' });
    await user.dblClick(row('big.log'));
    expect(await screen.findByText('The panel edits files up to 4 MiB; download it instead.')).toBeTruthy();
    expect(mockApi.calls('filesRead')).toHaveLength(0);
    await user.click(screen.getAllByRole('button', { name: 'Download…' }).at(-1)!);
    expect(mockApi.calls('filesDownload')[0]).toEqual([{ server: SERVER, path: '/big.log' }]);
  });

  it('treats the panel’s too-large answer the same way, and refuses binaries', async () => {
    const { user } = await renderPanel({ '/': [fileEntry('odd.txt'), fileEntry('server.jar', { mimetype: 'application/jar' })] });
    mockApi.fail('filesRead', { code: 'too-large', message: 'raw' });
    await user.dblClick(row('odd.txt'));
    expect(await screen.findByText('This file is too large to edit here')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Close/ }));
    await user.dblClick(row('server.jar'));
    expect(await screen.findByText('This file cannot be edited as text')).toBeTruthy();
    expect(mockApi.calls('filesRead')).toHaveLength(1);
  });

  it('asks before closing with unsaved changes, and keeps editing on Cancel', async () => {
    const { user } = await openEditor();
    typeInEditor('changed');
    await user.click(await screen.findByRole('button', { name: /Close/ }));
    expect(screen.getByRole('dialog', { name: 'Discard unsaved changes?' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('region', { name: 'Editing server.properties' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Close/ }));
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Editing server.properties' })).toBeNull());
    expect(fake.isDestroyed).toBe(true);
    expect(screen.getByRole('grid')).toBeTruthy();
  });

  it('lets the shell ask before leaving, and guards closing the window', async () => {
    const { user } = await openEditor();
    typeInEditor('changed');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    const leaving = confirmLeave();
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await leaving).toBe(false);
    const leavingAgain = confirmLeave();
    await user.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(await leavingAgain).toBe(true);
  });
});
