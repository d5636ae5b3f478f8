/**
 * The channels of the Activity tab: the server's activity log, paged and filtered (issue 13). The contract (../ipc-contract.ts) is the union of these
 * domain files; a channel is written here once, with its arguments and result.
 */
import type { ServerRef } from '../types';

/** One entry of a server's activity log. */
export interface ActivityEntryView {
  id: string;
  /** The panel's event name, `server:power.start`. */
  event: string;
  /** Done through an API key. */
  isApi: boolean;
  /** Null where the panel hides it (not the viewer's own action, and not an admin). */
  ip: string | null;
  description: string | null;
  properties: Record<string, unknown>;
  /** ISO 8601. */
  timestamp: string;
  /** Null when the actor is not a user (the system, a schedule) or was not included. */
  actorUsername: string | null;
}

/** One page of the log. */
export interface ActivityPageView {
  entries: ActivityEntryView[];
  page: number;
  totalPages: number;
  total: number;
  perPage: number;
}

export interface ActivityChannels {
  /** Newest first; `event` keeps the entries whose event contains it (the panel's `filter[event]`). */
  'activity:list': { args: [{ server: ServerRef; page: number; event: string }]; result: ActivityPageView };
}

/** Every channel above, in order (checked against the interface in ../ipc-contract.ts). */
export const ACTIVITY_CHANNELS = ['activity:list'] as const satisfies readonly (keyof ActivityChannels)[];
