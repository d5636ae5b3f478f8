/** What part of a server's activity log to read (activity-api.ts); a type of its own so client-types.ts needs no request code. */

/** Which part of the log to read. */
export interface ActivityQuery {
  /** 1-based; default 1. */
  page?: number;
  /** `filter[event]`: entries whose event contains this (`subuser`, `server:power.start`). */
  event?: string;
  /** 1..100, the panel's cap; default the panel's 25. */
  perPage?: number;
}
