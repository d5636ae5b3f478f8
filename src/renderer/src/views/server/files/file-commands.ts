/**
 * Every change to a server's files, as the panel's channels want it: names relative to a root
 * where the channel takes a batch, full paths elsewhere, and `to` as the full new path for a move.
 * Commands that a dialog starts return the error text to show in it (null when done), so the
 * dialog stays open with what was typed; background ones report through Operations.
 */
import { api } from '../../../lib/api';
import { t } from '../../../lib/strings';
import type { FileEntry, ServerRef } from '../../../../../shared/types';
import { describeError } from './file-errors';
import type { FolderState } from './folder-state.svelte';
import type { Operations } from './operations.svelte';
import { baseName, isValidName, joinPath, moveTarget, parentPath } from './paths';
import { isValidMode } from './permissions';
import type { TransfersState } from './transfers.svelte';

export interface CommandContext {
  server: ServerRef;
  folder: FolderState;
  operations: Operations;
  transfers: TransfersState;
}

const what = t.files.operations.what;

/** Reloads when the folder on screen is still `directory` (the person may have moved on). */
function reloadIf(ctx: CommandContext, directory: string, select?: string): Promise<void> {
  return ctx.folder.directory === directory ? ctx.folder.reload(select) : Promise.resolve();
}

async function attempt(work: () => Promise<unknown>): Promise<string | null> {
  try {
    await work();
    return null;
  } catch (error) {
    return describeError(error).text;
  }
}

/** Checks a new name against the rules and, freshly listed, the folder (never overwrite). */
async function checkNewName(ctx: CommandContext, directory: string, name: string): Promise<string | null> {
  if (!isValidName(name)) return t.files.dialogs.invalidName;
  let entries: FileEntry[];
  try {
    entries = await api.filesList({ server: ctx.server, directory });
  } catch (error) {
    return describeError(error).text;
  }
  return entries.some((entry) => entry.name === name) ? t.files.dialogs.nameExists(name) : null;
}

export async function createFolder(ctx: CommandContext, name: string): Promise<string | null> {
  const root = ctx.folder.directory;
  const problem = await checkNewName(ctx, root, name);
  if (problem) return problem;
  const error = await attempt(() => api.filesCreateFolder({ server: ctx.server, root, name }));
  if (!error) await reloadIf(ctx, root, name);
  return error;
}

/** A new, empty file: written as '' after checking that the name is free. */
export async function createFile(ctx: CommandContext, name: string): Promise<string | null> {
  const root = ctx.folder.directory;
  const problem = await checkNewName(ctx, root, name);
  if (problem) return problem;
  const error = await attempt(() => api.filesWrite({ server: ctx.server, path: joinPath(root, name), content: '' }));
  if (!error) await reloadIf(ctx, root, name);
  return error;
}

/** Renames `name` in the current folder, or moves it when `input` is a path. */
export async function renameEntry(ctx: CommandContext, name: string, input: string): Promise<string | null> {
  const root = ctx.folder.directory;
  const target = moveTarget(root, name, input);
  if (target === null) return t.files.dialogs.invalidPath;
  // Like `mv`: naming a folder that is already here moves the item into it.
  const existing = parentPath(target) === root ? ctx.folder.entry(baseName(target)) : undefined;
  const to = existing && !existing.isFile ? joinPath(target, name) : target;
  const error = await attempt(() => api.filesRename({ server: ctx.server, root, from: name, to }));
  if (!error) await reloadIf(ctx, root, parentPath(to) === root ? baseName(to) : undefined);
  return error;
}

export async function deleteEntries(ctx: CommandContext, names: string[]): Promise<string | null> {
  const root = ctx.folder.directory;
  const error = await attempt(() => api.filesDelete({ server: ctx.server, root, files: names }));
  if (!error) await reloadIf(ctx, root);
  return error;
}

export async function chmodEntry(ctx: CommandContext, name: string, mode: string): Promise<string | null> {
  if (!isValidMode(mode)) return t.files.dialogs.invalidMode;
  const root = ctx.folder.directory;
  const error = await attempt(() => api.filesChmod({ server: ctx.server, path: joinPath(root, name), mode }));
  if (!error) await reloadIf(ctx, root, name);
  return error;
}

export async function copyEntry(ctx: CommandContext, name: string): Promise<void> {
  const root = ctx.folder.directory;
  const path = joinPath(root, name);
  const outcome = await ctx.operations.run({
    label: t.files.operations.copying(name),
    what: what.copy,
    work: () => api.filesCopy({ server: ctx.server, path }),
  });
  if (outcome.ok) await reloadIf(ctx, root);
}

export async function compressEntries(ctx: CommandContext, names: string[]): Promise<void> {
  const root = ctx.folder.directory;
  const outcome = await ctx.operations.run({
    label: t.files.operations.compressing(names.length),
    what: what.compress,
    work: () => api.filesCompress({ server: ctx.server, root, files: names }),
  });
  if (!outcome.ok) return;
  ctx.operations.inform(t.files.operations.compressed(outcome.value.name));
  await reloadIf(ctx, root, outcome.value.name);
}

export async function decompressEntry(ctx: CommandContext, name: string): Promise<void> {
  const root = ctx.folder.directory;
  const path = joinPath(root, name);
  const outcome = await ctx.operations.run({
    label: t.files.operations.decompressing(name),
    what: what.decompress,
    work: () => api.filesDecompress({ server: ctx.server, path }),
  });
  if (!outcome.ok) return;
  ctx.operations.inform(t.files.operations.decompressed(name));
  await reloadIf(ctx, root);
}

/** Downloads each file in turn: main asks where to save each, then streams it. */
export async function downloadFiles(ctx: CommandContext, directory: string, names: string[]): Promise<void> {
  for (const name of names) {
    try {
      const started = await api.filesDownload({ server: ctx.server, path: joinPath(directory, name) });
      // Null: the person closed the save dialog, so the rest are not asked for either.
      if (started === null) return;
      ctx.transfers.track([started.transferId], { server: ctx.server, direction: 'download', name });
    } catch (error) {
      ctx.operations.fail(what.download, describeError(error));
      return;
    }
  }
}

export async function pickAndUpload(ctx: CommandContext): Promise<void> {
  const directory = ctx.folder.directory;
  try {
    const started = await api.filesPickAndUpload({ server: ctx.server, directory });
    if (started) ctx.transfers.track(started.transferIds, { server: ctx.server, direction: 'upload', name: '', directory });
  } catch (error) {
    ctx.operations.fail(what.upload, describeError(error));
  }
}

/** Uploads files dropped from the computer into the current folder. */
export async function uploadFiles(ctx: CommandContext, files: File[]): Promise<void> {
  const directory = ctx.folder.directory;
  try {
    // The Files go to the preload as they are: only it may learn their paths (issue 11).
    const started = await api.filesUpload({ server: ctx.server, directory, files });
    if (started === null) return; // the person declined main's question
    started.transferIds.forEach((id, i) => ctx.transfers.track([id], { server: ctx.server, direction: 'upload', name: files[i]?.name ?? '', directory }));
  } catch (error) {
    ctx.operations.fail(what.upload, describeError(error));
  }
}
