/**
 * What was dropped on the file list. Folders are refused like the panel refuses them: only the
 * files go up, and the person is told why the folders did not.
 */

export interface DropContents {
  files: File[];
  hasFolders: boolean;
}

/** True when the drag carries files from the computer (not text or a link). */
export function isFileDrag(dataTransfer: DataTransfer | null): boolean {
  return dataTransfer !== null && Array.from(dataTransfer.types).includes('Files');
}

export function readDrop(dataTransfer: DataTransfer): DropContents {
  const files: File[] = [];
  let hasFolders = false;
  const items = Array.from(dataTransfer.items ?? []);
  if (items.length > 0) {
    for (const item of items) {
      if (item.kind !== 'file') continue;
      // webkitGetAsEntry is the only way a page can tell a dropped folder from a file.
      if (item.webkitGetAsEntry?.()?.isDirectory) {
        hasFolders = true;
        continue;
      }
      const file = item.getAsFile();
      if (file) files.push(file);
    }
    return { files, hasFolders };
  }
  return { files: Array.from(dataTransfer.files), hasFolders };
}
