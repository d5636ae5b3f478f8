/** Text every tab of a server's panel pages shares (issue 13): states, refusals, limits. */

export const pageStrings = {
  loading: 'Loading…',
  refreshing: 'Refreshing…',
  errorTitle: 'This could not be loaded',
  forbiddenTitle: 'Your key may not see this',
  forbiddenDetail: (permission: string) =>
    `The panel did not give this API key’s user the “${permission}” permission on this server. The server’s owner can grant it under Users in the panel.`,
  forbiddenTo: (what: string, permission: string) =>
    `You may not ${what} on this server: the “${permission}” permission is missing. The server’s owner can grant it under Users.`,
  forbiddenPlain: (what: string) => `You may not ${what} on this server: your key lacks the permission. The server’s owner can grant it under Users.`,
  limited: (what: string) => `The panel limits how often you can ${what}. Wait a moment, then try again.`,
  limitedFor: (what: string, wait: string) => `The panel limits how often you can ${what}: the next one is possible ${wait}.`,
  waitSeconds: (n: number) => `in ${n} second${n === 1 ? '' : 's'}`,
  waitMinutes: (n: number, at: string) => `in ${n} minute${n === 1 ? '' : 's'} (at ${at})`,
  conflict: (what: string) =>
    `The server cannot ${what} right now: it is suspended, installing, transferring or restoring a backup. Try again when it is ready.`,
  invalid: (what: string) => `The panel refused to ${what}: check the values and try again.`,
  notFound: 'It is no longer there: someone may have removed it in the panel. Refresh and try again.',
  unreachable: (what: string) => `Could not ${what}: the panel or the server’s node did not answer. Check your connection, then try again.`,
} as const;
