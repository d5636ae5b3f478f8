/** Text of a server's window (views/server): header, tabs, availability banners, unknown server. */

export const serverStrings = {
  back: 'Back to servers',
  backTitle: 'Back to the server list',
  identifier: 'Identifier',
  address: 'Address',
  node: 'Node',
  uptime: 'Uptime',
  noAddress: '—',
  tabsLabel: (server: string) => `Sections of ${server}`,
  tabs: {
    console: 'Console',
    files: 'Files',
    stats: 'Stats',
    backups: 'Backups',
    schedules: 'Schedules',
    databases: 'Databases',
    users: 'Users',
    network: 'Network',
    startup: 'Startup',
    activity: 'Activity',
    // ── incidents (issue 14) ──
    timeline: 'Timeline',
    settings: 'Settings',
    notifications: 'Notifications',
  },
  tabShortcut: (n: number) => `Ctrl+${n}`,
  unknown: {
    title: 'This server is not available',
    detail: 'It was removed from the panel, you lost access to it, or its panel was removed from Pterotray.',
    loadingTitle: 'Loading the server…',
    back: 'Back to servers',
  },
  /** The panel's own words (ConflictStateRenderer), then what still works here. */
  banners: {
    suspended: {
      title: 'This server is suspended',
      detail: 'It cannot be started, managed or used until the panel’s administrator unsuspends it. Its history stays visible here.',
    },
    installing: {
      title: 'Running installer',
      detail: 'Your server should be ready soon, please try again in a few minutes. The console shows the installer’s messages.',
    },
    'install-failed': {
      title: 'The installer failed',
      detail: 'Reinstall the server from the panel, or ask the panel’s administrator to look at the install log.',
    },
    transferring: {
      title: 'Transferring',
      detail: 'Your server is being transferred to a new node, please check back later. Power and files are unavailable until it is done.',
    },
    restoring: {
      title: 'Restoring from backup',
      detail: 'Your server is currently being restored from a backup, please check back in a few minutes.',
    },
    'node-maintenance': {
      title: 'Node under maintenance',
      detail: 'The node of this server is currently under maintenance. Power and files are unavailable until it is back.',
    },
    'node-unreachable': {
      title: 'The node cannot be reached',
      detail: (node: string) =>
        `The panel cannot reach ${node}. The console and live stats resume on their own when it answers again; what is shown here may be out of date.`,
    },
    unknown: {
      title: 'This server is unavailable',
      detail: 'The panel did not say why. Open it in the panel to see more, or try again later.',
    },
  },
  accountProblem: 'Its panel needs attention:',
} as const;
