/** Which actions the row menu offers for what is selected. Pure. */
import type { FileEntry } from '../../../../../shared/types';
import { isArchive } from './entry-kind';

export type MenuAction = 'open' | 'rename' | 'copy' | 'download' | 'compress' | 'decompress' | 'permissions' | 'delete';

/**
 * One entry gets everything that applies to it (Wings copies and downloads files only, and
 * decompresses archives only); several get the bulk actions.
 */
export function menuActions(entries: readonly FileEntry[]): MenuAction[] {
  if (entries.length === 0) return [];
  if (entries.length > 1) {
    const bulk: MenuAction[] = entries.some((entry) => entry.isFile) ? ['download'] : [];
    return [...bulk, 'compress', 'delete'];
  }
  const entry = entries[0]!;
  const actions: MenuAction[] = ['open', 'rename'];
  if (entry.isFile) actions.push('copy', 'download');
  actions.push('compress');
  if (isArchive(entry)) actions.push('decompress');
  actions.push('permissions', 'delete');
  return actions;
}
