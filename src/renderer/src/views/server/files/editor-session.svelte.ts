/**
 * One file open in the editor: loading it, whether it may be edited, whether it is dirty, and
 * saving. The text itself lives in the code editor (a 4 MiB file is not copied on every key);
 * the session reads it through a `TextSource` when saving. A failed save changes nothing in the
 * editor, so the edits stay, and says why.
 */
import { api } from '../../../lib/api';
import type { FileEntry, ServerRef } from '../../../../../shared/types';
import { editability } from './entry-kind';
import { describeError, type ShownError } from './file-errors';
import { languageFor, type LanguageKey } from './language';
import { joinPath } from './paths';

export type EditorStatus = 'loading' | 'ready' | 'blocked' | 'error';
export type BlockReason = 'too-large' | 'binary';

/** What the session needs from the code editor. */
export interface TextSource {
  /** The current text and a token for this version of it. */
  snapshot(): { text: string; version: unknown };
  /** Marks `version` as what the server holds, so the dirty mark clears if nothing changed since. */
  markSaved(version: unknown): void;
}

export interface EditorSessionOptions {
  server: ServerRef;
  directory: string;
  entry: FileEntry;
}

export class EditorSession {
  status = $state<EditorStatus>('loading');
  blockReason = $state<BlockReason | null>(null);
  loadError = $state.raw<ShownError | null>(null);
  /** The text as loaded; the editor owns it from then on. */
  initialText = $state.raw('');
  isDirty = $state(false);
  isSaving = $state(false);
  saveError = $state.raw<ShownError | null>(null);
  hasSaved = $state(false);

  readonly server: ServerRef;
  readonly entry: FileEntry;
  readonly path: string;
  readonly language: LanguageKey | null;
  #source: TextSource | null = null;

  constructor(options: EditorSessionOptions) {
    this.server = options.server;
    this.entry = options.entry;
    this.path = joinPath(options.directory, options.entry.name);
    this.language = languageFor(options.entry.name, options.entry.mimetype);
  }

  get name(): string {
    return this.entry.name;
  }

  async load(): Promise<void> {
    const verdict = editability(this.entry);
    if (verdict === 'too-large' || verdict === 'binary') return this.#block(verdict);
    this.status = 'loading';
    this.loadError = null;
    try {
      this.initialText = await api.filesRead({ server: this.server, path: this.path });
      this.status = 'ready';
    } catch (error) {
      const shown = describeError(error);
      // The panel's limit may be set lower than 4 MiB; its answer is the one that counts.
      if (shown.code === 'too-large') return this.#block('too-large');
      this.loadError = shown;
      this.status = 'error';
    }
  }

  /** Connects the code editor; returns the disconnect. */
  attach(source: TextSource): () => void {
    this.#source = source;
    return () => {
      if (this.#source === source) this.#source = null;
    };
  }

  /** Saves the editor's text; true when the server has it. */
  async save(): Promise<boolean> {
    if (!this.#source || this.isSaving || this.status !== 'ready') return false;
    const { text, version } = this.#source.snapshot();
    this.isSaving = true;
    this.saveError = null;
    try {
      await api.filesWrite({ server: this.server, path: this.path, content: text });
      this.#source?.markSaved(version);
      this.hasSaved = true;
      return true;
    } catch (error) {
      this.saveError = describeError(error);
      return false;
    } finally {
      this.isSaving = false;
    }
  }

  #block(reason: BlockReason): void {
    this.blockReason = reason;
    this.status = 'blocked';
  }
}
