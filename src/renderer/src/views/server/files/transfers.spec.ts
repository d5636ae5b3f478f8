import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../../test/mock-api';
import type { TransferProgress } from '../../../../../shared/types';
import { renderPanel, row, SERVER } from './panel-test-kit';
import { fileEntry, folderEntry } from './test-entries';

const ROOT = [folderEntry('plugins'), fileEntry('a.txt')];

function progress(overrides: Partial<TransferProgress>): TransferProgress {
  return {
    transferId: 't1',
    direction: 'upload',
    server: SERVER,
    name: 'mod #1.jar',
    transferredBytes: 0,
    totalBytes: 2048,
    status: 'running',
    error: null,
    ...overrides,
  };
}

const tray = (): HTMLElement => screen.getByRole('region', { name: 'Transfers' });

describe('uploads', () => {
  it('shows per-file progress, cancels through main, and refreshes the folder when done', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    mockApi.answer('filesPickAndUpload', { transferIds: ['t1'] });
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(mockApi.calls('filesPickAndUpload')[0]).toEqual([{ server: SERVER, directory: '/' }]);
    expect(await within(tray()).findByText('Starting…')).toBeTruthy();

    mockApi.emit('transfers:progress', progress({ transferredBytes: 1024 }));
    const bar = await within(tray()).findByRole('progressbar', { name: 'Progress of mod #1.jar' });
    expect(bar.getAttribute('value')).toBe('1024');
    expect(bar.getAttribute('max')).toBe('2048');
    expect(within(tray()).getByText('1.0 KiB of 2.0 KiB')).toBeTruthy();

    await user.click(within(tray()).getByRole('button', { name: 'Cancel mod #1.jar' }));
    expect(mockApi.calls('transfersCancel')).toEqual([[{ transferId: 't1' }]]);

    const listed = mockApi.calls('filesList').length;
    mockApi.emit('transfers:progress', progress({ transferredBytes: 2048, status: 'done' }));
    expect(await within(tray()).findByText('Done')).toBeTruthy();
    await waitFor(() => expect(mockApi.calls('filesList').length).toBe(listed + 1));
  });

  it('says a transfer is starting until its first bytes move, then counts them', async () => {
    await renderPanel({ '/': ROOT });
    mockApi.emit('transfers:progress', progress({ transferId: 't9', direction: 'download', name: 'world.zip', transferredBytes: 0, totalBytes: null }));
    await screen.findByRole('region', { name: 'Transfers' });
    expect(within(tray()).getByText('Starting…')).toBeTruthy();
    expect(within(tray()).queryByText('0 B')).toBeNull();
    mockApi.emit(
      'transfers:progress',
      progress({ transferId: 't9', direction: 'download', name: 'world.zip', transferredBytes: 3 * 1024 * 1024, totalBytes: null }),
    );
    expect(await within(tray()).findByText('3.0 MiB')).toBeTruthy();
    expect(within(tray()).queryByText('Starting…')).toBeNull();
  });

  it('shows a failure with its message, a cancellation, and clears finished rows', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    mockApi.emit('transfers:progress', progress({ status: 'failed', error: { code: 'local-file', message: 'The disk is full.' } }));
    mockApi.emit('transfers:progress', progress({ transferId: 't2', name: 'b.zip', direction: 'download', status: 'cancelled' }));
    mockApi.emit('transfers:progress', progress({ transferId: 't3', name: 'other', server: { accountId: 'x', identifier: 'y' } }));
    await screen.findByRole('region', { name: 'Transfers' });
    expect(within(tray()).getByText('Failed')).toBeTruthy();
    expect(within(tray()).getByRole('alert').textContent).toBe('The disk is full.');
    expect(within(tray()).getByText('Cancelled')).toBeTruthy();
    expect(within(tray()).queryByText('other')).toBeNull();
    await user.click(within(tray()).getByRole('button', { name: 'Clear finished' }));
    expect(screen.queryByRole('region', { name: 'Transfers' })).toBeNull();
  });
});

describe('drag and drop', () => {
  function dataTransfer(items: { file: File; isDirectory?: boolean }[]) {
    return {
      types: ['Files'],
      files: items.map((i) => i.file),
      items: items.map((i) => ({ kind: 'file', getAsFile: () => i.file, webkitGetAsEntry: () => ({ isDirectory: i.isDirectory ?? false }) })),
      dropEffect: 'none',
    };
  }

  it('uploads dropped files into the current folder, highlighting the drop zone', async () => {
    await renderPanel({ '/': ROOT, '/plugins': [] });
    await fireEvent.dblClick(row('plugins'));
    await screen.findByText('This folder is empty');
    mockApi.answer('filesUpload', { transferIds: ['u1', 'u2'] });
    const zone = screen.getByRole('region', { name: 'Drop files to upload them here' });
    const files = [new File(['x'], 'a b.jar'), new File(['y'], 'ü+%.txt')];
    await fireEvent.dragEnter(zone, { dataTransfer: dataTransfer([]) });
    expect(zone.classList.contains('drop-target')).toBe(true);
    await fireEvent.drop(zone, { dataTransfer: dataTransfer(files.map((file) => ({ file }))) });
    expect(zone.classList.contains('drop-target')).toBe(false);
    await waitFor(() => expect(mockApi.calls('filesUpload')).toHaveLength(1));
    // The Files themselves go to the preload, which alone turns them into paths.
    expect(mockApi.calls('filesUpload')[0]).toEqual([{ server: SERVER, directory: '/plugins', files }]);
    expect(await within(tray()).findByText('a b.jar')).toBeTruthy();
  });

  it('refuses dropped folders with a message, uploading only the files', async () => {
    await renderPanel({ '/': ROOT });
    mockApi.answer('filesUpload', { transferIds: ['u1'] });
    const zone = screen.getByRole('region', { name: 'Drop files to upload them here' });
    await fireEvent.drop(zone, { dataTransfer: dataTransfer([{ file: new File([''], 'world'), isDirectory: true }, { file: new File(['x'], 'a.txt') }]) });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Folders cannot be uploaded/);
    await waitFor(() => expect(mockApi.calls('filesUpload')).toHaveLength(1));
    const [request] = mockApi.calls('filesUpload')[0] as [{ files: File[] }];
    expect(request.files.map((f) => f.name)).toEqual(['a.txt']);
  });

  it('starts nothing when the person declines main’s upload question', async () => {
    await renderPanel({ '/': ROOT });
    mockApi.answer('filesUpload', null);
    const zone = screen.getByRole('region', { name: 'Drop files to upload them here' });
    await fireEvent.drop(zone, { dataTransfer: dataTransfer([{ file: new File(['x'], 'a.txt') }]) });
    await waitFor(() => expect(mockApi.calls('filesUpload')).toHaveLength(1));
    // No transfer was tracked, so the transfers tray never appears; and no error either.
    expect(screen.queryByRole('region', { name: 'Transfers' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
