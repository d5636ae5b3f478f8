/**
 * The app's alert channels: their settings in the store (`alerts_channels`, one JSON row each, in
 * the order they were added) and their secrets in the SecretStore. The daemon reads the same book
 * when it runs without a config file of its own. A row that no longer reads (a newer build's field
 * gone wrong) is skipped with a log line, never a crash.
 */
import { randomUUID } from 'node:crypto';
import type { SecretStore } from '../secrets/secret-store';
import type { Database } from '../store/database';
import { CoreError } from '../util/core-error';
import type { Logger } from '../util/deps';
import { parseChannelConfig, secretProblem } from './channel-config';
import { cleanSecret, deleteChannelSecret, readChannelSecret, writeChannelSecret } from './channel-secrets';
import type { ChannelConfig, ChannelSecret } from './types';

/** At most this many channels (the settings page lists them all). */
export const MAX_CHANNELS = 50;

export type ChannelBookProblem = 'invalid-channel' | 'invalid-secret' | 'unknown-channel' | 'too-many-channels';

/** A refusal to save, with the sentence to show under the form; the problem is its `reason`. */
export class ChannelBookError extends CoreError {
  readonly kind;
  constructor(
    readonly problem: ChannelBookProblem,
    message: string,
  ) {
    super(message, { reason: problem });
    this.name = 'ChannelBookError';
    this.kind = problem === 'unknown-channel' ? ('not-found' as const) : ('invalid-argument' as const);
  }
}

export interface ChannelBookOptions {
  db: Database;
  secrets: SecretStore;
  logger: Logger;
  newId?: () => string;
}

/** A channel to save: its settings without an id for a new one, and secrets to change (absent keeps them). */
export interface ChannelDraft {
  config: Omit<ChannelConfig, 'id'> & { id?: string };
  secret?: ChannelSecret;
}

export class ChannelBook {
  readonly #options: ChannelBookOptions;
  #cache: ChannelConfig[] | null = null;

  constructor(options: ChannelBookOptions) {
    this.#options = options;
  }

  /** Every channel, in the order added. Cached: the dispatcher reads it per incident. */
  list(): ChannelConfig[] {
    if (this.#cache) return this.#cache;
    const rows = this.#options.db.prepare(`SELECT id, config FROM alerts_channels ORDER BY position, id`).all() as Array<{ id: string; config: string }>;
    const out: ChannelConfig[] = [];
    for (const row of rows) {
      let raw: unknown;
      try {
        raw = JSON.parse(row.config);
      } catch {
        raw = null;
      }
      const parsed = parseChannelConfig(raw, `alerts_channels[${row.id}]`);
      if (parsed.ok) out.push(parsed.value);
      else this.#options.logger.warn('alerts: skipped a stored channel that does not read', { problem: parsed.problem });
    }
    this.#cache = out;
    return out;
  }

  /** Whether the channel's secrets are complete (the settings page shows "set" or asks for them). */
  async hasSecret(config: ChannelConfig): Promise<boolean> {
    return secretProblem(config, await readChannelSecret(this.#options.secrets, config.id)) === null;
  }

  /**
   * Checks a draft whole, as `save` would, without writing anything: the refusal comes before
   * main asks the person anything.
   */
  async check(draft: ChannelDraft): Promise<void> {
    await this.#prepare(draft);
  }

  /**
   * Adds or replaces a channel. Secrets given are merged over the stored ones, so an edit that
   * leaves the URL field empty keeps the URL. Checked whole before anything is written.
   */
  async save(draft: ChannelDraft): Promise<ChannelConfig> {
    const { config, secret, position } = await this.#prepare(draft);
    await writeChannelSecret(this.#options.secrets, config.id, secret);
    this.#options.db
      .prepare(`INSERT INTO alerts_channels (id, position, config) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET config = excluded.config`)
      .run(config.id, position, JSON.stringify(config));
    this.#cache = null;
    return config;
  }

  async #prepare(draft: ChannelDraft): Promise<{ config: ChannelConfig; secret: ChannelSecret; position: number }> {
    const existing = this.list();
    const isNew = draft.config.id === undefined;
    if (isNew && existing.length >= MAX_CHANNELS) throw new ChannelBookError('too-many-channels', `At most ${MAX_CHANNELS} channels: remove one first.`);
    const id = draft.config.id ?? (this.#options.newId ?? randomUUID)();
    if (!isNew && !existing.some((c) => c.id === id)) throw new ChannelBookError('unknown-channel', 'That channel is no longer configured.');
    const parsed = parseChannelConfig({ ...draft.config, id });
    if (!parsed.ok) throw new ChannelBookError('invalid-channel', parsed.problem);
    const stored = isNew ? {} : await readChannelSecret(this.#options.secrets, id);
    const secret = { ...stored, ...cleanSecret(draft.secret ?? {}) };
    const problem = secretProblem(parsed.value, secret);
    if (problem) throw new ChannelBookError('invalid-secret', problem);
    // A new channel goes last; an edit keeps its place.
    const position = isNew
      ? (this.#options.db.prepare(`SELECT COALESCE(MAX(position), -1) + 1 AS next FROM alerts_channels`).get() as { next: number }).next
      : (this.#options.db.prepare(`SELECT position FROM alerts_channels WHERE id = ?`).get(id) as { position: number }).position;
    return { config: parsed.value, secret, position };
  }

  /** Removes a channel and its secrets; false when it was not there. */
  async remove(id: string): Promise<boolean> {
    const result = this.#options.db.prepare(`DELETE FROM alerts_channels WHERE id = ?`).run(id);
    this.#cache = null;
    await deleteChannelSecret(this.#options.secrets, id);
    return Number(result.changes) > 0;
  }
}
