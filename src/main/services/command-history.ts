/** Console commands per server, newest last, bounded; kept in memory for up/down in the console. */
import { serverKey } from '../../shared/server-key';
import type { ServerRef } from '../../shared/types';

export class CommandHistory {
  readonly #byServer = new Map<string, string[]>();
  constructor(private readonly limit = 100) {}

  get(ref: ServerRef): string[] {
    return [...(this.#byServer.get(serverKey(ref)) ?? [])];
  }

  push(ref: ServerRef, command: string): void {
    const key = serverKey(ref);
    const list = (this.#byServer.get(key) ?? []).filter((c) => c !== command);
    list.push(command);
    this.#byServer.set(key, list.slice(-this.limit));
  }
}
