/**
 * The file manager of one server: the folder, the open file, the dialog and menu on screen, and
 * the actions that connect them. Components read this state and call these methods; the
 * channel calls themselves are in file-commands.ts.
 */
import { sameRef } from '../../../lib/state/app-state.svelte';
import { t } from '../../../lib/strings';
import type { FileEntry, ServerRef } from '../../../../../shared/types';
import type { DropContents } from './drop';
import { EditorSession } from './editor-session.svelte';
import * as commands from './file-commands';
import { FolderState } from './folder-state.svelte';
import { Operations } from './operations.svelte';
import type { MenuAction } from './menu-actions';
import { joinPath, parentPath } from './paths';
import type { TransfersState } from './transfers.svelte';
import { unsavedGuard } from '../../../lib/unsaved-guard';

export type DialogState =
  | { type: 'delete'; names: string[] }
  | { type: 'new-folder' }
  | { type: 'new-file' }
  | { type: 'rename'; name: string }
  | { type: 'chmod'; entry: FileEntry }
  | { type: 'discard'; name: string; resolve: (isConfirmed: boolean) => void };

/** The row menu: the names it acts on and where it opens (viewport pixels). */
export interface MenuState {
  names: string[];
  x: number;
  y: number;
}

export class FilesController {
  readonly folder: FolderState;
  readonly operations = new Operations();
  readonly context: commands.CommandContext;
  dialog = $state.raw<DialogState | null>(null);
  menu = $state.raw<MenuState | null>(null);
  editor = $state.raw<EditorSession | null>(null);

  constructor(
    readonly server: ServerRef,
    readonly transfers: TransfersState,
  ) {
    this.folder = new FolderState(server);
    this.context = { server, folder: this.folder, operations: this.operations, transfers };
  }

  /** Lists the root, follows transfers and guards unsaved edits; returns the stop. */
  start(): () => void {
    const stops = [
      this.transfers.attach(),
      this.transfers.onUploadDone((server, directory) => {
        if (sameRef(server, this.server) && directory === this.folder.directory) void this.folder.reload();
      }),
      unsavedGuard.register(() => this.editor?.isDirty ?? false),
      unsavedGuard.setPrompt(() => this.confirmDiscard()),
    ];
    void this.folder.reload();
    return () => stops.forEach((stop) => stop());
  }

  /** Opens a folder, or a file in the editor, by its name in the current folder. */
  open(name: string): void {
    const entry = this.folder.entry(name);
    if (!entry) return;
    if (entry.isFile) this.openFile(entry);
    else void this.folder.go(joinPath(this.folder.directory, name));
  }

  openFile(entry: FileEntry): void {
    const session = new EditorSession({ server: this.server, directory: this.folder.directory, entry });
    this.editor = session;
    void session.load();
  }

  /** Closes the editor, asking first when edits would be lost; true when it closed. */
  async closeEditor(): Promise<boolean> {
    if (!(await this.confirmDiscard())) return false;
    this.editor = null;
    return true;
  }

  /** True when nothing unsaved would be lost, asking "Discard unsaved changes?" if something would. */
  confirmDiscard(): Promise<boolean> {
    const editor = this.editor;
    if (!editor?.isDirty) return Promise.resolve(true);
    this.resolveDiscard(false);
    return new Promise((resolve) => (this.dialog = { type: 'discard', name: editor.name, resolve }));
  }

  resolveDiscard(isConfirmed: boolean): void {
    const dialog = this.dialog;
    if (dialog?.type !== 'discard') return;
    this.dialog = null;
    dialog.resolve(isConfirmed);
  }

  requestDelete(names: string[]): void {
    if (names.length > 0) this.dialog = { type: 'delete', names };
  }

  requestRename(name: string): void {
    this.dialog = { type: 'rename', name };
  }

  requestChmod(name: string): void {
    const entry = this.folder.entry(name);
    if (entry) this.dialog = { type: 'chmod', entry };
  }

  requestNew(type: 'new-folder' | 'new-file'): void {
    this.dialog = { type };
  }

  closeDialog(): void {
    if (this.dialog?.type === 'discard') this.resolveDiscard(false);
    else this.dialog = null;
  }

  openMenu(names: string[], x: number, y: number): void {
    if (names.length > 0) this.menu = { names, x, y };
  }

  closeMenu(): void {
    this.menu = null;
  }

  /** Runs a row-menu action on `names` (one name for the single-item actions). */
  run(action: MenuAction, names: string[]): void {
    const [first] = names;
    if (first === undefined) return;
    if (action === 'open') this.open(first);
    else if (action === 'rename') this.requestRename(first);
    else if (action === 'copy') void commands.copyEntry(this.context, first);
    else if (action === 'download') void this.download(names);
    else if (action === 'compress') void commands.compressEntries(this.context, names);
    else if (action === 'decompress') void commands.decompressEntry(this.context, first);
    else if (action === 'permissions') this.requestChmod(first);
    else this.requestDelete(names);
  }

  /** Creates the file, then opens it in the editor. */
  async createFile(name: string): Promise<string | null> {
    const error = await commands.createFile(this.context, name);
    const entry = this.folder.entry(name);
    if (!error && entry) this.openFile(entry);
    return error;
  }

  /** Downloads the files among `names` (folders cannot be downloaded; compress them first). */
  download(names: string[]): Promise<void> {
    const files = names.filter((name) => this.folder.entry(name)?.isFile);
    return commands.downloadFiles(this.context, this.folder.directory, files);
  }

  /** Downloads the file open in the editor. */
  downloadOpenFile(): Promise<void> {
    const editor = this.editor;
    if (!editor) return Promise.resolve();
    return commands.downloadFiles(this.context, parentPath(editor.path), [editor.name]);
  }

  drop(contents: DropContents): Promise<void> {
    if (contents.hasFolders) this.operations.warn(t.files.drop.folderRefused);
    else if (contents.files.length === 0) this.operations.warn(t.files.drop.nothing);
    return contents.files.length > 0 ? commands.uploadFiles(this.context, contents.files) : Promise.resolve();
  }
}
