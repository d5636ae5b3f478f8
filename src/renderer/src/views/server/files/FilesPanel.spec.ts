import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../../test/mock-api';
import { listing, renderPanel, row, rowNames, SERVER } from './panel-test-kit';
import { fileEntry, folderEntry } from './test-entries';

const ROOT = [folderEntry('my world#1'), folderEntry('plugins'), fileEntry('server.properties'), fileEntry('-rf & 100%?.txt')];

describe('FilesPanel: states', () => {
  it('lists a folder, folders first', async () => {
    await renderPanel({ '/': ROOT });
    expect(rowNames()).toEqual(['my world#1', 'plugins', '-rf & 100%?.txt', 'server.properties']);
    expect(mockApi.calls('filesList')[0]).toEqual([{ server: SERVER, directory: '/' }]);
    expect(screen.getByText('4 items')).toBeTruthy();
  });

  it('says when a folder is empty', async () => {
    await renderPanel({});
    expect(await screen.findByText('This folder is empty')).toBeTruthy();
  });

  it('explains a failed listing by its code and retries', async () => {
    await renderPanel({}, { code: 'node-unreachable', message: 'raw' });
    expect(await screen.findByText('Could not open this folder')).toBeTruthy();
    expect(screen.getByText(/cannot reach the node/)).toBeTruthy();
    listing({ '/': ROOT });
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rowNames()).toHaveLength(4));
  });

  it('filters the folder and offers to clear a filter that hides everything', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    const filter = screen.getByRole('searchbox', { name: /Filter this folder/ });
    await user.type(filter, '100%');
    expect(rowNames()).toEqual(['-rf & 100%?.txt']);
    await user.type(filter, 'zzz');
    expect(screen.getByText('Nothing matches the filter')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(rowNames()).toHaveLength(4);
  });
});

describe('FilesPanel: navigation', () => {
  it('opens a folder with an odd name, then goes back, forward and up', async () => {
    const { user } = await renderPanel({ '/': ROOT, '/my world#1': [fileEntry('level.dat', { mimetype: 'application/octet-stream' })] });
    await user.dblClick(row('my world#1'));
    await waitFor(() => expect(rowNames()).toEqual(['level.dat']));
    expect(mockApi.calls('filesList').at(-1)).toEqual([{ server: SERVER, directory: '/my world#1' }]);
    const crumbs = screen.getByRole('navigation', { name: 'Folder path' });
    expect(within(crumbs).getByRole('button', { current: 'location' }).textContent?.trim()).toBe('my world#1');

    await user.click(screen.getByRole('button', { name: /^Back/ }));
    await waitFor(() => expect(rowNames()).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: /^Forward/ }));
    await waitFor(() => expect(rowNames()).toEqual(['level.dat']));
    await user.click(screen.getByRole('button', { name: /^Up one folder/ }));
    await waitFor(() => expect(rowNames()).toHaveLength(4));
    expect(mockApi.calls('filesList').map((c) => (c[0] as { directory: string }).directory)).toEqual(['/', '/my world#1', '/', '/my world#1', '/']);
  });

  it('opens the focused folder with Enter and goes up with Backspace', async () => {
    const { user } = await renderPanel({ '/': ROOT, '/plugins': [fileEntry('a.jar')] });
    screen.getByRole('grid').focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(rowNames()).toEqual(['a.jar']));
    screen.getByRole('grid').focus();
    await user.keyboard('{Backspace}');
    await waitFor(() => expect(rowNames()).toHaveLength(4));
  });

  it('jumps to a folder from the breadcrumbs', async () => {
    const { user } = await renderPanel({ '/': ROOT, '/plugins': [folderEntry('deep')], '/plugins/deep': [] });
    await user.dblClick(row('plugins'));
    await waitFor(() => expect(rowNames()).toEqual(['deep']));
    await user.dblClick(row('deep'));
    await screen.findByText('This folder is empty');
    await user.click(screen.getByRole('button', { name: 'plugins' }));
    await waitFor(() => expect(rowNames()).toEqual(['deep']));
  });
});

describe('FilesPanel: selection and sorting', () => {
  it('selects with click, Ctrl+click, Shift+click and Ctrl+A', async () => {
    const { user } = await renderPanel({ '/': ROOT });
    await user.click(row('plugins'));
    await user.keyboard('{Shift>}');
    await user.click(row('server.properties'));
    await user.keyboard('{/Shift}');
    const selected = () => screen.getAllByRole('row', { selected: true }).map((r) => r.querySelector('.label')?.textContent);
    expect(selected()).toEqual(['plugins', '-rf & 100%?.txt', 'server.properties']);
    await user.keyboard('{Control>}');
    await user.click(row('-rf & 100%?.txt'));
    await user.keyboard('{/Control}');
    expect(selected()).toEqual(['plugins', 'server.properties']);
    expect(screen.getByText(/2 selected/)).toBeTruthy();
    await user.keyboard('{Control>}a{/Control}');
    expect(selected()).toHaveLength(4);
  });

  it('sorts by a column header, folders staying first', async () => {
    const entries = [fileEntry('big', { sizeBytes: 900 }), fileEntry('small', { sizeBytes: 5 }), folderEntry('dir')];
    const { user } = await renderPanel({ '/': entries });
    await user.click(screen.getByRole('button', { name: /^Size/ }));
    expect(rowNames()).toEqual(['dir', 'small', 'big']);
    expect(screen.getByRole('columnheader', { name: /Size/ }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: /^Size/ }));
    expect(rowNames()).toEqual(['dir', 'big', 'small']);
  });
});
