/**
 * The Network tab's state and actions (issue 13): the allocations with the server's limit, what
 * the limit allows (both panels' NetworkAllocationController: adding needs room under a non-zero
 * limit, removing needs a limit at all, and never the primary), and the writes with notices.
 */
import { SvelteSet } from 'svelte/reactivity';
import { api } from '../../../lib/api';
import { failureText } from '../../../lib/panel-page/failure-text';
import { Resource } from '../../../lib/panel-page/resource.svelte';
import { t } from '../../../lib/strings';
import type { AllocationView, NetworkPage } from '../../../../../shared/ipc/network';
import type { ServerRef } from '../../../../../shared/types';

export interface Notice {
  tone: 'info' | 'error';
  text: string;
}

/** `ip or alias:port`, as the panel's own page shows an allocation. */
export function addressOf(a: AllocationView): string {
  return `${a.ipAlias ?? a.ip}:${a.port}`;
}

/** Whether a port can be added: shown as "2 of 3", or hidden with the reason. */
export type AddAllowance = { isAllowed: true; count: string } | { isAllowed: false; count: string | null; reason: string };

/**
 * `store`: `count >= allocation_limit` refuses (a null or 0 limit too); `delete`:
 * `empty(allocation_limit)` refuses. So a server without a limit shows no count and no add.
 */
export function addAllowance(page: NetworkPage): AddAllowance {
  const limit = page.allocationLimit ?? 0;
  if (limit === 0) return { isAllowed: false, count: null, reason: t.network.noLimit };
  const count = t.network.count(page.allocations.length, limit);
  if (page.allocations.length >= limit) return { isAllowed: false, count, reason: t.network.limitReached(limit) };
  return { isAllowed: true, count };
}

/** Why this allocation cannot be removed, or null when it can. */
export function removeBlock(page: NetworkPage, a: AllocationView): string | null {
  if (!page.allocationLimit) return t.network.noLimit;
  if (a.isPrimary) return t.network.primaryNotRemovable;
  return null;
}

export const NOTES_MAX = 256;

export class NetworkController {
  readonly resource: Resource<NetworkPage>;
  notice = $state.raw<Notice | null>(null);
  isAdding = $state(false);
  /** The ids with a call on their way. */
  readonly busy = new SvelteSet<number>();
  readonly #ref: ServerRef;

  constructor(ref: ServerRef) {
    this.#ref = ref;
    this.resource = new Resource(() => api.networkList(ref));
  }

  #fail(error: unknown, what: string, permission: string): void {
    this.notice = { tone: 'error', text: failureText(error, what, permission) };
  }

  #update(update: (list: AllocationView[]) => AllocationView[]): void {
    const page = this.resource.value;
    if (page) this.resource.set({ ...page, allocations: update(page.allocations) });
  }

  async #with(id: number, work: () => Promise<void>): Promise<void> {
    this.busy.add(id);
    try {
      await work();
    } finally {
      this.busy.delete(id);
    }
  }

  async add(): Promise<void> {
    this.isAdding = true;
    try {
      const added = await api.networkAdd(this.#ref);
      this.#update((list) => [...list, added]);
      this.notice = { tone: 'info', text: t.network.added(addressOf(added)) };
    } catch (error) {
      this.#fail(error, t.network.what.add, 'allocation.create');
    } finally {
      this.isAdding = false;
    }
  }

  /** True when saved; false keeps the editor open with what was typed. */
  async saveNotes(a: AllocationView, notes: string): Promise<boolean> {
    if ([...notes].length > NOTES_MAX) {
      this.notice = { tone: 'error', text: t.network.notesTooLong };
      return false;
    }
    let isSaved = false;
    await this.#with(a.id, async () => {
      try {
        const saved = await api.networkSetNotes({ server: this.#ref, id: a.id, notes: notes.trim() === '' ? null : notes });
        this.#update((list) => list.map((x) => (x.id === saved.id ? saved : x)));
        this.notice = { tone: 'info', text: t.network.notesSaved };
        isSaved = true;
      } catch (error) {
        this.#fail(error, t.network.what.notes, 'allocation.update');
      }
    });
    return isSaved;
  }

  async makePrimary(a: AllocationView): Promise<void> {
    await this.#with(a.id, async () => {
      try {
        const primary = await api.networkSetPrimary({ server: this.#ref, id: a.id });
        this.#update((list) => list.map((x) => ({ ...(x.id === primary.id ? primary : x), isPrimary: x.id === primary.id })));
        this.notice = { tone: 'info', text: t.network.madePrimary(addressOf(primary)) };
      } catch (error) {
        this.#fail(error, t.network.what.primary, 'allocation.update');
      }
    });
  }

  async remove(a: AllocationView): Promise<void> {
    await this.#with(a.id, async () => {
      try {
        await api.networkRemove({ server: this.#ref, id: a.id });
        this.#update((list) => list.filter((x) => x.id !== a.id));
        this.notice = { tone: 'info', text: t.network.removed(addressOf(a)) };
      } catch (error) {
        this.#fail(error, t.network.what.remove, 'allocation.delete');
      }
    });
  }
}
