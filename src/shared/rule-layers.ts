/**
 * The one merge of layered settings (issue 12): global, then the account's, then the server's,
 * each layer setting only the fields it has (an absent or undefined field inherits). Used by
 * notices, usage alerts and the window's "inherits" labels alike.
 */
import { serverKey } from './server-key';
import type { ServerRef } from './types';

export function layered<R extends object>(base: R, ...layers: ReadonlyArray<Partial<R> | undefined>): R {
  const out: R = { ...base };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [field, value] of Object.entries(layer) as Array<[keyof R, R[keyof R] | undefined]>) {
      if (value !== undefined) out[field] = value;
    }
  }
  return out;
}

/** Rules with per-account and per-server overrides (`servers` keyed by serverKey). */
export interface LayeredRules<R> {
  global: R;
  accounts: Readonly<Record<string, Partial<R>>>;
  servers: Readonly<Record<string, Partial<R>>>;
}

/** The rule that applies to one server: its own, over its account's, over the global one. */
export function ruleFor<R extends object>(rules: LayeredRules<R>, ref: ServerRef): R {
  return layered(rules.global, rules.accounts[ref.accountId], rules.servers[serverKey(ref)]);
}
