/**
 * The Backups tab's state: the page (a Resource), the notices, the backups made here (for
 * retention), downloads in flight, and the dialogs' questions. Wings' `backup completed` reloads
 * the list (pushed by main from the server's websocket); while a backup is pending and no event
 * came, the list is read again every few seconds, so a server main does not follow still updates.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { BackupView, BackupsPage } from '../../../../../shared/ipc/backups';
import type { ServerRef, TransferProgress } from '../../../../../shared/types';
import { api } from '../../../lib/api';
import { failureText } from '../../../lib/panel-page/failure-text';
import { Resource } from '../../../lib/panel-page/resource.svelte';
import { t } from '../../../lib/strings';
import { rowState } from './backups-logic';

/** How often a pending backup is looked at when no websocket event has come. */
export const PENDING_POLL_MS = 5_000;
/**
 * How often the server list is read while a restore started here runs: the monitor polls a
 * server in a 409 state slowly (budget.ts), and the window is watching this one. One list request
 * per 5 s, only until the panel says the restore is over.
 */
export const RESTORE_WATCH_MS = 5_000;

export interface Notice {
  tone: 'info' | 'error' | 'success';
  text: string;
}

/** A download of a backup in flight. */
export interface BackupDownload {
  uuid: string;
  name: string;
  percent: number | null;
  phase: 'downloading' | 'checking';
}

const sameServer = (a: ServerRef, b: ServerRef): boolean => a.accountId === b.accountId && a.identifier === b.identifier;

export class BackupsController {
  readonly page: Resource<BackupsPage>;
  notice = $state<Notice | null>(null);
  /** Old backups the retention rule would delete, waiting for the person's answer. */
  retention = $state<BackupView[] | null>(null);
  downloads = $state<Record<string, BackupDownload>>({});
  /** Backups created here, by uuid: retention is applied after these only. */
  readonly #made = new SvelteSet<string>();
  #pollTimer: ReturnType<typeof setTimeout> | null = null;
  /** A restore started here has not been seen to finish yet. */
  isWatchingRestore = $state(false);

  constructor(readonly ref: ServerRef) {
    this.page = new Resource(() => api.backupsList(ref));
  }

  /** Subscribes to the pushes; returns the cleanup. */
  attach(): () => void {
    const offs = [
      api.onBackupsCompleted((event) => {
        if (sameServer(event.server, this.ref)) void this.onCompleted(event.uuid, event.isSuccessful);
      }),
      api.onTransfersProgress((progress) => this.onProgress(progress)),
      api.onBackupsVerified((event) => {
        if (!sameServer(event.server, this.ref)) return;
        const download = this.downloads[event.transferId];
        const name = download?.name ?? event.uuid;
        if (event.outcome === 'match') this.say('success', t.backups.download.match(name, event.algorithm ?? 'sha1', event.sha256));
        else if (event.outcome === 'mismatch') this.say('error', t.backups.download.mismatch(name, event.algorithm ?? 'sha1'));
        else this.say('info', t.backups.download.unchecked(name, event.sha256));
      }),
    ];
    void this.reload();
    return () => {
      for (const off of offs) off();
      this.#stopPolling();
    };
  }

  async reload(): Promise<void> {
    await this.page.reload();
    this.#schedulePoll();
  }

  say(tone: Notice['tone'], text: string): void {
    this.notice = { tone, text };
  }

  /** Starts a backup. Resolves with the error to show in the dialog, or null. */
  async create(input: { name: string; ignored: string; isLocked: boolean }): Promise<string | null> {
    try {
      const backup = await api.backupsCreate({ server: this.ref, ...input });
      this.#made.add(backup.uuid);
      this.say('info', t.backups.create.started(backup.name));
      await this.reload();
      return null;
    } catch (error) {
      return failureText(error, t.backups.create.what, 'backup.create');
    }
  }

  async remove(b: BackupView): Promise<string | null> {
    try {
      await api.backupsDelete({ server: this.ref, uuid: b.uuid });
      this.say('success', t.backups.delete.done(b.name));
      await this.reload();
      return null;
    } catch (error) {
      return failureText(error, t.backups.delete.what, 'backup.delete');
    }
  }

  async toggleLock(b: BackupView): Promise<void> {
    try {
      const now = await api.backupsToggleLock({ server: this.ref, uuid: b.uuid });
      this.#replace(now);
      this.say('success', now.isLocked ? t.backups.lock.locked(now.name) : t.backups.lock.unlocked(now.name));
    } catch (error) {
      this.say('error', failureText(error, t.backups.lock.what, 'backup.delete'));
    }
  }

  async rename(b: BackupView, name: string): Promise<string | null> {
    try {
      this.#replace(await api.backupsRename({ server: this.ref, uuid: b.uuid, name }));
      return null;
    } catch (error) {
      return failureText(error, t.backups.rename.what, 'backup.delete');
    }
  }

  async restore(b: BackupView, truncate: boolean): Promise<string | null> {
    try {
      await api.backupsRestore({ server: this.ref, uuid: b.uuid, truncate });
      this.say('info', t.backups.restore.restoring(b.name));
      // The panel marks the server restoring_backup at once: read the list now, so the window
      // shows it busy; Wings' `backup restore completed` makes the monitor read it again after.
      this.isWatchingRestore = true;
      void api.serversRefresh().catch(() => undefined);
      return null;
    } catch (error) {
      return failureText(error, t.backups.restore.what, 'backup.restore');
    }
  }

  async download(b: BackupView): Promise<void> {
    try {
      const started = await api.backupsDownload({ server: this.ref, uuid: b.uuid });
      if (started === null) return;
      this.downloads = { ...this.downloads, [started.transferId]: { uuid: b.uuid, name: b.name, percent: 0, phase: 'downloading' } };
      this.say('info', t.backups.download.started(b.name));
    } catch (error) {
      this.say('error', failureText(error, t.backups.download.what, 'backup.download'));
    }
  }

  /**
   * While the server restores, reads the list now and then (the restore's end reaches the window
   * through the server's availability); returns the cleanup. Called from the panel's effect.
   */
  watchRestore(isRestoring: boolean): () => void {
    if (!isRestoring || !this.isWatchingRestore) return () => undefined;
    const timer = setInterval(() => void api.serversRefresh().catch(() => undefined), RESTORE_WATCH_MS);
    return () => clearInterval(timer);
  }

  /** The server left `restoring`: say so once, and read the list again. */
  restoreEnded(): void {
    this.isWatchingRestore = false;
    this.say('success', t.backups.restore.done);
    void this.reload();
  }

  cancelDownload(transferId: string): void {
    void api.transfersCancel({ transferId });
  }

  async setKeepNewest(keepNewest: number | null): Promise<void> {
    await api.backupsSetRetention({ server: this.ref, keepNewest });
    const value = this.page.value;
    if (value) this.page.set({ ...value, keepNewest });
    this.say('success', t.backups.retention.saved(keepNewest));
  }

  /** Deletes what the person agreed to; stops at the first refusal and says which. */
  async applyRetention(): Promise<void> {
    const doomed = this.retention ?? [];
    this.retention = null;
    let deleted = 0;
    for (const b of doomed) {
      try {
        await api.backupsDelete({ server: this.ref, uuid: b.uuid });
        deleted += 1;
      } catch (error) {
        this.say('error', t.backups.retention.partly(deleted, failureText(error, t.backups.delete.what, 'backup.delete')));
        await this.reload();
        return;
      }
    }
    this.say('success', t.backups.retention.done(deleted));
    await this.reload();
  }

  async onCompleted(uuid: string, isSuccessful: boolean): Promise<void> {
    await this.reload();
    const name = this.page.value?.backups.find((b) => b.uuid === uuid)?.name ?? uuid;
    this.say(isSuccessful ? 'success' : 'error', isSuccessful ? t.backups.create.completed(name) : t.backups.create.failed(name));
    if (!this.#made.delete(uuid) || !isSuccessful) return;
    try {
      const candidates = await api.backupsRetentionCandidates(this.ref);
      if (candidates.length > 0) this.retention = candidates;
    } catch (error) {
      this.say('error', failureText(error, t.backups.retention.what, 'backup.read'));
    }
  }

  #onPolledCompletion(before: BackupsPage | undefined): void {
    // A backup made here that completed without an event (the server is not followed live).
    const after = this.page.value;
    if (!before || !after) return;
    for (const b of after.backups) {
      const was = before.backups.find((x) => x.uuid === b.uuid);
      if (was && rowState(was) === 'pending' && rowState(b) !== 'pending' && this.#made.has(b.uuid)) void this.onCompleted(b.uuid, b.isSuccessful);
    }
  }

  onProgress(progress: TransferProgress): void {
    const download = this.downloads[progress.transferId];
    if (!download) return;
    if (progress.status === 'running') {
      const isComplete = progress.totalBytes !== null && progress.transferredBytes >= progress.totalBytes;
      const percent = progress.totalBytes ? Math.floor((progress.transferredBytes / progress.totalBytes) * 100) : null;
      this.downloads = { ...this.downloads, [progress.transferId]: { ...download, percent, phase: isComplete ? 'checking' : 'downloading' } };
      return;
    }
    const { [progress.transferId]: _done, ...rest } = this.downloads;
    this.downloads = rest;
    if (progress.status === 'failed') this.say('error', t.backups.download.failed(download.name, progress.error?.message ?? t.unknownError));
  }

  #replace(b: BackupView): void {
    const value = this.page.value;
    if (value) this.page.set({ ...value, backups: value.backups.map((x) => (x.uuid === b.uuid ? b : x)) });
  }

  #schedulePoll(): void {
    this.#stopPolling();
    const hasPending = this.page.value?.backups.some((b) => rowState(b) === 'pending') ?? false;
    if (!hasPending) return;
    this.#pollTimer = setTimeout(() => {
      const before = this.page.value;
      void this.page.reload().then(() => {
        this.#onPolledCompletion(before);
        this.#schedulePoll();
      });
    }, PENDING_POLL_MS);
  }

  #stopPolling(): void {
    if (this.#pollTimer !== null) clearTimeout(this.#pollTimer);
    this.#pollTimer = null;
  }
}
