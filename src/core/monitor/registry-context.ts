/**
 * What the per-server machinery (registry, follow, poll) needs from the account that owns it.
 * An interface, so each part can be tested against a hand-made context.
 */
import type { FailureSource } from './account-status';
import type { ObserveContext } from './observe';
import type { RequestBudget } from './request-budget';
import type { MonitorClient, MonitorDeps } from './types';

/** The account's services and callbacks, as the registry and its parts use them. */
export interface RegistryContext extends ObserveContext {
  deps: MonitorDeps;
  /** The panel URL; its origin is the websocket's `Origin`. */
  panelUrl: string;
  budget: RequestBudget;
  /** The client, or null while there is none (no key yet, disposed). */
  client(): MonitorClient | null;
  /** Requests a minute the monitor may send to this panel now. */
  perMinute(): number;
  /** A request failed; the account decides whether that concerns all of it. */
  noteFailure(error: unknown, source: FailureSource): void;
  /** A background request succeeded. */
  noteSuccess(): void;
  /** The server list may be out of date (a server was deleted, an install finished). */
  requestListRefresh(): void;
  /** Refreshes the list now (sharing one in flight); true when it came in. */
  refreshList(): Promise<boolean>;
}
