/**
 * One server's folder browser: where it is, what the folder holds, how it is sorted and filtered,
 * what is selected, and back/forward. Listing answers that arrive after the person moved on are
 * dropped, so a slow folder never replaces a newer one.
 */
import { api } from '../../../lib/api';
import type { FileEntry, ServerRef } from '../../../../../shared/types';
import { describeError, type ShownError } from './file-errors';
import { canGoBack, canGoForward, currentDirectory, startHistory, step, visit, type NavHistory } from './nav-history';
import { ROOT, parentPath } from './paths';
import { EMPTY_SELECTION, pruneSelection, selectOnly, selectedInOrder, type Selection } from './selection';
import { DEFAULT_SORT, filterEntries, sortEntries, type SortState } from './sorting';

export type FolderStatus = 'loading' | 'ready' | 'error';

export class FolderState {
  history = $state.raw<NavHistory>(startHistory(ROOT));
  // Raw: a folder can hold 10,000 entries, and deep proxies would make every read slower.
  entries = $state.raw<FileEntry[]>([]);
  status = $state<FolderStatus>('loading');
  isRefreshing = $state(false);
  error = $state.raw<ShownError | null>(null);
  sort = $state.raw<SortState>(DEFAULT_SORT);
  filter = $state('');
  selection = $state.raw<Selection>(EMPTY_SELECTION);

  readonly directory = $derived(currentDirectory(this.history));
  readonly visible = $derived(filterEntries(sortEntries(this.entries, this.sort), this.filter));
  readonly order = $derived(this.visible.map((entry) => entry.name));
  // Rebuilt whole on every listing and never mutated, so it needs no reactive map.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly byName = $derived(new Map(this.entries.map((entry) => [entry.name, entry])));
  readonly selectedNames = $derived(selectedInOrder(this.selection, this.order));
  readonly canGoBack = $derived(canGoBack(this.history));
  readonly canGoForward = $derived(canGoForward(this.history));
  readonly canGoUp = $derived(this.directory !== ROOT);

  #loadToken = 0;

  constructor(readonly server: ServerRef) {}

  /** Opens `directory`, adding it to the history. */
  go(directory: string): Promise<void> {
    this.history = visit(this.history, directory);
    return this.#open();
  }

  back(): Promise<void> {
    return this.#step(-1);
  }

  forward(): Promise<void> {
    return this.#step(1);
  }

  up(): Promise<void> {
    return this.canGoUp ? this.go(parentPath(this.directory)) : Promise.resolve();
  }

  /** Lists the folder again, keeping what is still there selected; `select` picks a new name. */
  async reload(select?: string): Promise<void> {
    const directory = this.directory;
    const token = ++this.#loadToken;
    this.isRefreshing = true;
    try {
      const entries = await api.filesList({ server: this.server, directory });
      if (token !== this.#loadToken) return;
      this.#show(entries);
      if (select !== undefined && this.byName.has(select)) this.selection = selectOnly(select);
    } catch (error) {
      if (token === this.#loadToken) this.#fail(error);
    } finally {
      if (token === this.#loadToken) this.isRefreshing = false;
    }
  }

  setFilter(query: string): void {
    this.filter = query;
    this.selection = pruneSelection(this.selection, this.order);
  }

  entry(name: string): FileEntry | undefined {
    return this.byName.get(name);
  }

  #step(by: -1 | 1): Promise<void> {
    const next = step(this.history, by);
    if (next === this.history) return Promise.resolve();
    this.history = next;
    return this.#open();
  }

  async #open(): Promise<void> {
    this.status = 'loading';
    this.entries = [];
    this.filter = '';
    this.selection = EMPTY_SELECTION;
    await this.reload();
  }

  #show(entries: FileEntry[]): void {
    this.entries = entries;
    this.status = 'ready';
    this.error = null;
    this.selection = pruneSelection(this.selection, this.order);
  }

  #fail(error: unknown): void {
    this.error = describeError(error);
    // A failed refresh keeps the listing on screen (with the error above it); a failed open has none.
    if (this.status !== 'ready') this.status = 'error';
  }
}
