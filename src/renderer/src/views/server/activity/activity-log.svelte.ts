/**
 * The Activity tab's state: which page and which event filter are shown, and the read of that
 * page. A new filter starts again at page 1; the page never goes past the panel's last one.
 */
import type { ActivityPageView } from '../../../../../shared/ipc/activity';
import type { ServerRef } from '../../../../../shared/types';
import { Resource } from '../../../lib/panel-page/resource.svelte';

export type ActivityLoader = (args: { server: ServerRef; page: number; event: string }) => Promise<ActivityPageView>;

export class ActivityLog {
  page = $state(1);
  /** The filter applied (what the panel was asked for), not what is being typed. */
  event = $state('');
  readonly resource: Resource<ActivityPageView>;

  constructor(server: () => ServerRef, load: ActivityLoader) {
    this.resource = new Resource(() => load({ server: server(), page: this.page, event: this.event }));
  }

  get totalPages(): number {
    return Math.max(1, this.resource.value?.totalPages ?? 1);
  }

  get hasPrevious(): boolean {
    return this.page > 1;
  }

  get hasNext(): boolean {
    return this.page < this.totalPages;
  }

  /** Goes to a page (clamped to 1..last) and reads it. */
  go(page: number): Promise<void> {
    this.page = Math.min(Math.max(1, Math.floor(page)), this.totalPages);
    return this.resource.reload();
  }

  /** Applies a filter (trimmed) from page 1. */
  filter(event: string): Promise<void> {
    this.event = event.trim();
    this.page = 1;
    return this.resource.reload();
  }
}
