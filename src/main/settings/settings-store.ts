/**
 * The settings file, through electron-store: accounts without keys, notification rules, the
 * monitor's budget, window bounds, launch at login. Read once, repaired if needed, kept in memory
 * and written through. A file that is not JSON at all is set aside (never deleted) and replaced.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import type { AccountRecord, AccountRepository } from '../../core/accounts/account-service';
import { sanitizeDocument, type SettingsDocument, type WindowBounds } from '../../core/settings/schema';
import type { Logger } from '../../core/util/deps';
import type { Settings } from '../../shared/types';
import { PRIVATE_FILE_MODE, privateDir, privateFile } from '../private-files';

export interface SettingsStoreOptions {
  logger: Logger;
  /** Folder of the file; defaults to the app's userData. */
  cwd?: string;
  now?: () => number;
}

type RawStore = Store<Record<string, unknown>>;

function openStore(options: SettingsStoreOptions): RawStore {
  const cwd = options.cwd ?? app.getPath('userData');
  // Readable by the user only (issue 11): the folder, the file conf writes (atomically, so the mode
  // applies to every write), and a file an older version left 0644.
  privateDir(cwd);
  privateFile(join(cwd, 'settings.json'));
  const make = (): RawStore => new Store<Record<string, unknown>>({ name: 'settings', cwd, clearInvalidConfig: false, configFileMode: PRIVATE_FILE_MODE });
  try {
    // Conf reads (and parses) the file in its constructor.
    const store = make();
    void store.store;
    return store;
  } catch (error) {
    const path = join(cwd, 'settings.json');
    const aside = path.replace(/\.json$/, `.corrupt-${(options.now ?? Date.now)()}.json`);
    renameSync(path, aside);
    options.logger.warn('settings: the file was not valid JSON; set it aside and started fresh', {
      aside,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return make();
  }
}

/** Merges a partial settings update one level deep (notifications and monitor are objects). */
function mergeSettings(current: Settings, patch: Partial<Settings>): Settings {
  return {
    ...current,
    ...patch,
    notifications: { ...current.notifications, ...patch.notifications },
    monitor: { ...current.monitor, ...patch.monitor },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class SettingsStore implements AccountRepository {
  readonly #store: RawStore;
  #document: SettingsDocument;
  /** The frozen copy `settings()` hands out, for the document it was made from. */
  #frozen: { of: SettingsDocument; settings: Settings } | null = null;
  readonly #listeners = new Set<(settings: Settings) => void>();

  constructor(options: SettingsStoreOptions) {
    this.#store = openStore(options);
    const { document, repaired } = sanitizeDocument(this.#store.size === 0 ? undefined : this.#store.store);
    this.#document = document;
    if (repaired.length > 0) {
      options.logger.warn('settings: repaired invalid values', { repaired });
      this.#write();
    }
  }

  /** Where the file is (tests search it for secrets). */
  get path(): string {
    return this.#store.path;
  }

  load(): AccountRecord[] {
    return structuredClone(this.#document.accounts);
  }

  save(records: AccountRecord[]): void {
    // Only keychain accounts persist; the sanitizer also drops anything shaped like a key.
    const kept = records.filter((r) => r.keyStorage === 'keychain' && !r.isDemo);
    this.#document = sanitizeDocument({ ...this.#document, accounts: kept }).document;
    this.#write();
  }

  /**
   * The settings, frozen: read on every Wings stats frame (usage rules), so one copy is shared
   * until the document changes (it is replaced, never edited in place), instead of a clone per
   * call. A caller that tried to change it would throw.
   */
  settings(): Settings {
    if (this.#frozen?.of !== this.#document) this.#frozen = { of: this.#document, settings: deepFreeze(structuredClone(this.#document.settings)) };
    return this.#frozen.settings;
  }

  /** Applies a validated patch, repairs anything out of range, saves, and notifies. */
  update(patch: Partial<Settings>): Settings {
    const merged = mergeSettings(this.#document.settings, patch);
    this.#document = sanitizeDocument({ ...this.#document, settings: merged }).document;
    this.#write();
    const settings = this.settings();
    for (const listener of this.#listeners) listener(settings);
    return settings;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  windowBounds(): WindowBounds | null {
    return this.#document.windowBounds;
  }

  setWindowBounds(bounds: WindowBounds): void {
    this.#document = sanitizeDocument({ ...this.#document, windowBounds: bounds }).document;
    this.#write();
  }

  #write(): void {
    this.#store.store = structuredClone(this.#document) as unknown as Record<string, unknown>;
  }
}
