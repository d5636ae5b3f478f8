/** Text of a server's Backups tab (views/server/backups). */

export const backupsStrings = {} as const;
