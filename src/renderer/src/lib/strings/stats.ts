/** Text of a server's Stats tab (views/server/stats). */

export const statsStrings = {
  cpu: 'CPU',
  memory: 'Memory',
  disk: 'Disk',
  network: 'Network',
  inbound: 'In',
  outbound: 'Out',
  limit: 'Limit',
  unlimited: 'No limit',
  at: (time: string) => `at ${time}`,
  chartLabel: (what: string, minutes: number) => `${what} over the last ${minutes} min`,
  uptime: 'Uptime',
  offline: 'Offline',
  offlineDetail: 'The server is not running: start it to see live numbers.',
  loading: 'Loading the stats history…',
  empty: 'No stats yet',
  emptyDetail: 'Numbers appear here while the server runs and Pterotray follows it. They are kept while the app is open.',
  loadFailed: 'Could not load the stats history:',
  retry: 'Try again',
  noValue: '—',
} as const;
