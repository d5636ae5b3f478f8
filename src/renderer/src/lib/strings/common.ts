/** Text used across views. */
export const common = {
  appName: 'Pterotray',
  loading: 'Loading…',
  retry: 'Try again',
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  delete: 'Delete',
  confirm: 'Confirm',
  back: 'Back',
  refresh: 'Refresh',
  dismiss: 'Dismiss',
  unknownError: 'Something went wrong.',
  // ── incidents (issue 14) ── incidents: the all-servers timeline.
  nav: { dashboard: 'Servers', incidents: 'Timeline', settings: 'Settings' },
  noTray: {
    title: 'Your desktop cannot show the Pterotray icon.',
    detail:
      'This desktop has no tray area, so Pterotray keeps this window open instead: closing it minimises it, and notifications still come. On GNOME, the AppIndicator and KStatusNotifierItem Support extension adds the tray area; restart Pterotray after installing it.',
  },
  states: {
    running: 'Running',
    starting: 'Starting',
    stopping: 'Stopping',
    offline: 'Offline',
    unknown: 'Unknown',
  },
  availability: {
    ok: '',
    suspended: 'Suspended',
    installing: 'Installing',
    'install-failed': 'Install failed',
    transferring: 'Transferring',
    restoring: 'Restoring backup',
    'node-maintenance': 'Node in maintenance',
    'node-unreachable': 'Node unreachable',
    unknown: 'Unavailable',
  },
  stale: {
    asOf: (time: string) => `as of ${time}`,
    title: (state: string, time: string) =>
      `${state} when last seen, at ${time}. Pterotray cannot watch this server live right now (its panel or node is not answering), so it may have changed since.`,
  },
  power: {
    start: 'Start',
    stop: 'Stop',
    restart: 'Restart',
    kill: 'Kill',
    // ── notices (issue 15) ── named as the tray's dialog names it (src/main/tray-actions.ts).
    killTitle: (server: string) => `Kill ${server}?`,
    killBody: 'Forcibly stopping a server can lead to data corruption.',
  },
  unlimited: 'Unlimited',
} as const;
