/** Text of a server's Backups tab (views/server/backups). */

export const backupsStrings = {
  heading: 'Backups',
  listLabel: 'Backups of this server',
  read: 'list the backups',
  emptyTitle: 'No backups yet',
  emptyDetail: 'A backup keeps a copy of the server’s files on its node. Create one before a big change.',
  limit: (used: number, limit: number) => `${used} of ${limit} backups`,
  limitNone: 'This server may not have backups (its limit is 0).',
  limitReached: (limit: number) => `This server has reached its limit of ${limit} backups: delete one (or unlock one and delete it) first.`,
  refresh: 'Refresh',

  columns: { name: 'Name', size: 'Size', created: 'Created', completed: 'Completed', checksum: 'Checksum' },
  state: {
    pending: 'In progress',
    failed: 'Failed',
    locked: 'Locked',
    scheduled: 'Scheduled',
  },
  pendingDetail: 'Wings is writing the archive; this row updates when it is done.',
  failedDetail: 'The node could not make this backup. It does not count against the limit; delete it when you like.',
  checksumTitle: (checksum: string) => `Checksum reported by Wings: ${checksum}`,

  actions: {
    create: 'Create backup',
    download: 'Download',
    restore: 'Restore…',
    lock: 'Lock',
    unlock: 'Unlock',
    rename: 'Rename…',
    delete: 'Delete…',
    menu: (name: string) => `Actions for ${name}`,
  },
  /** Why a button is off: its tooltip and accessible description. */
  disabled: {
    permission: (permission: string) => `Your key lacks the “${permission}” permission on this server.`,
    pending: 'Wait until the backup has completed.',
    failed: 'A failed backup has nothing to download or restore.',
    locked: 'Locked backups cannot be deleted: unlock it first.',
    limit: 'The server has reached its backup limit.',
    busy: 'The server is busy (installing, transferring or restoring).',
  },

  create: {
    title: 'Create a backup',
    name: 'Name',
    namePlaceholder: 'Leave empty for “Backup at <date>”',
    ignored: 'Files to leave out',
    ignoredHint: 'One pattern a line, as in .pteroignore: logs/*, *.tmp, !keep.tmp',
    locked: 'Lock it (a locked backup cannot be deleted until unlocked)',
    lockedNeedsDelete: 'Locking needs the “backup.delete” permission, which your key lacks: the panel would ignore it.',
    confirm: 'Create',
    started: (name: string) => `Backing up “${name}”…`,
    completed: (name: string) => `The backup “${name}” completed.`,
    failed: (name: string) => `The backup “${name}” failed on the node.`,
    what: 'create a backup',
    throttle: 'The panel allows 2 backups per 10 minutes on each server.',
  },

  download: {
    what: 'download this backup',
    started: (name: string) => `Downloading “${name}”…`,
    progress: (name: string, percent: number) => `Downloading “${name}”: ${percent}%`,
    checking: (name: string) => `Checking “${name}” against the panel’s checksum…`,
    match: (name: string, algorithm: string, sha256: string) => `Saved “${name}”: its ${algorithm} matches the panel’s checksum. SHA-256: ${sha256}`,
    mismatch: (name: string, algorithm: string) =>
      `“${name}” does not match the panel’s ${algorithm} checksum: the file is damaged or incomplete. Download it again.`,
    unchecked: (name: string, sha256: string) => `Saved “${name}”; the panel lists no checksum to compare. SHA-256: ${sha256}`,
    failed: (name: string, reason: string) => `Downloading “${name}” failed: ${reason}`,
    cancel: 'Cancel',
  },

  restore: {
    title: (name: string) => `Restore “${name}”?`,
    body: 'The server is stopped, and the files in the backup are written over its files. This cannot be undone.',
    truncate: 'Delete all files before restoring',
    truncateHint: 'Files the backup does not have are removed too. Without it, they stay.',
    confirm: 'Restore',
    what: 'restore this backup',
    restoring: (name: string) => `Restoring “${name}”: the server is busy until the node finishes.`,
    done: 'The restore finished.',
  },

  rename: {
    title: 'Rename backup',
    label: 'New name',
    confirm: 'Rename',
    what: 'rename this backup',
  },

  lock: { what: 'lock or unlock this backup', locked: (name: string) => `Locked “${name}”.`, unlocked: (name: string) => `Unlocked “${name}”.` },

  delete: {
    title: (name: string) => `Delete “${name}”?`,
    body: 'The archive is removed from the node. This cannot be undone.',
    confirm: 'Delete',
    what: 'delete this backup',
    done: (name: string) => `Deleted “${name}”.`,
  },

  retention: {
    label: 'Keep the newest',
    suffix: 'backups (asks before deleting)',
    off: 'Off',
    hint: 'After each backup made here, Pterotray offers to delete older unlocked ones. It always asks first.',
    saved: (n: number | null) =>
      n === null
        ? 'Retention is off for this server.'
        : `After each backup made here, Pterotray will offer to delete all but the newest ${n === 1 ? 'completed backup' : `${n} completed backups`} (locked ones stay).`,
    title: (count: number) => `Delete ${count} old backup${count === 1 ? '' : 's'}?`,
    body: (keep: number) => `This server keeps the newest ${keep === 1 ? 'completed backup' : `${keep} completed backups`}. These are older and not locked:`,
    confirm: 'Delete them',
    what: 'apply retention',
    done: (count: number) => `Deleted ${count} old backup${count === 1 ? '' : 's'}.`,
    partly: (deleted: number, reason: string) => `Deleted ${deleted}; then: ${reason}`,
  },
} as const;
