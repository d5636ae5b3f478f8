/** Text of a server's live-connection banner and of egg feature prompts (views/server). */

/** Said after each live issue when the server's state is polled meanwhile. */
const POLLED = 'Live updates stopped; its state is now polled from the panel instead, so changes show up more slowly.';

export const liveStrings = {
  issues: {
    'panel-outdated': {
      title: 'The panel is older than its Wings',
      detail:
        'Wings refused the panel’s websocket token (“missing connect permission”): a panel before 1.12.3 with Wings 1.12.2 or newer. The panel’s administrator should upgrade the panel to 1.12.3 or newer.',
    },
    'token-refused': {
      title: 'Wings refused the live connection',
      detail: 'A new websocket token did not help. Open the server in the panel to check your access.',
    },
    suspended: {
      title: 'Wings closed the live connection: the server is suspended',
      detail: 'It comes back once the panel’s administrator unsuspends the server.',
    },
    refused: {
      title: 'Wings refused the live connection',
      detail: 'Wings closed it (code 4400) and would refuse it again; it is tried again later. Ask the panel’s administrator to check the node if this stays.',
    },
    deleted: {
      title: 'Wings says this server was deleted',
      detail: 'The server list is being refreshed; the server goes from it once the panel agrees.',
    },
  },
  polled: POLLED,
  feature: {
    eula: {
      title: 'Accept the Minecraft EULA?',
      before:
        'The server stopped because the Minecraft EULA is not accepted. Accepting writes eula=true to eula.txt and restarts the server, indicating your agreement to the ',
      link: 'Minecraft EULA',
      after: '.',
      accept: 'Accept and restart',
      notNow: 'Not now',
      failed: 'Could not accept the EULA:',
    },
  },
} as const;
