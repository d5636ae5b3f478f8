/** Rendering the file manager against the mocked window.api, for its component tests. */
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import { mockApi } from '../../../../test/mock-api';
import type { FileEntry, IpcError, ServerRef } from '../../../../../shared/types';
import { t } from '../../../lib/strings';
import FilesPanel from './FilesPanel.svelte';
import { transfers } from './transfers.svelte';

export const SERVER: ServerRef = { accountId: 'acc-1', identifier: 'abcd1234' };

/** Answers `filesList` per directory; unknown directories are empty. */
export function listing(folders: Record<string, FileEntry[]>): void {
  mockApi.bridge.filesList!.mockImplementation(async ({ directory }: { directory: string }) => ({ ok: true, value: folders[directory] ?? [] }));
}

/** Renders the Files panel and waits until the root is listed (or its listing fails with `failure`). */
export async function renderPanel(folders: Record<string, FileEntry[]>, failure?: IpcError) {
  transfers.rows = [];
  if (failure) mockApi.fail('filesList', failure);
  else listing(folders);
  const user = userEvent.setup();
  const view = render(FilesPanel, { props: { ref: SERVER, server: undefined } });
  await waitFor(() => expect(mockApi.calls('filesList').length).toBeGreaterThan(0));
  await waitFor(() => expect(screen.queryByText(t.files.list.loading)).toBeNull());
  return { user, ...view };
}

/** The data row of `name`. */
export function row(name: string): HTMLElement {
  const rows = screen.getAllByRole('row').filter((r) => r.dataset.index !== undefined);
  const found = rows.find((r) => within(r).queryByText(name, { normalizer: (s) => s }) !== null);
  if (!found) throw new Error(`no row named ${JSON.stringify(name)}`);
  return found;
}

/** Names of the data rows on screen, in order. */
export function rowNames(): string[] {
  return screen
    .getAllByRole('row')
    .filter((r) => r.dataset.index !== undefined)
    .map((r) => r.querySelector('.label')?.textContent ?? '');
}

/** Answers a channel only when `release` is called, to see what shows while it runs. */
export function deferred(method: string, value: unknown = null): () => void {
  let release: () => void = () => {};
  mockApi.bridge[method]!.mockImplementation(() => new Promise((resolve) => (release = () => resolve({ ok: true, value }))));
  return () => release();
}
