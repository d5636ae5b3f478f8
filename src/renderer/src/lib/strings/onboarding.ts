/** Text of the first-run screen and of the "add a panel" form (views/onboarding, reused in settings). */

const plural = (count: number, one: string, many: string): string => (count === 1 ? one : many);

export const onboardingStrings = {
  welcome: 'Welcome to Pterotray',
  intro: 'Watch and control the game servers on your Pterodactyl or Pelican panel from the tray. Add your panel to begin.',
  back: 'Back to servers',
  or: 'or',
  demo: 'Try the demo panel',
  demoDetail: 'A simulated panel with a few servers, to look around without an account.',
  demoFailed: 'The demo panel could not start.',
  form: {
    label: 'Add a panel',
    url: 'Panel address',
    urlPlaceholder: 'https://panel.example.com',
    urlHint: 'The address you open in your browser.',
    // ── notices (issue 15) ──
    useHttp: (address: string) => `Use ${address}`,
    apiKey: 'API key',
    apiKeyPlaceholder: 'ptlc_…',
    showKey: 'Show key',
    hideKey: 'Hide key',
    keyHint: 'In your panel, open Account → API Credentials and create a key. A client key starts with ptlc_ (pacc_ on Pelican).',
    name: 'Name',
    nameOptional: '(optional)',
    namePlaceholder: 'My panel',
    submit: 'Check and add',
    cancel: 'Cancel',
    checking: 'Checking the address and key…',
    saving: 'Saving the panel…',
    urlRequired: 'Enter the address of your panel, for example https://panel.example.com.',
    keyRequired: 'Paste a client API key from your panel (Account → API Credentials).',
    checked: (username: string, serverCount: number) => `Signed in as ${username} · ${serverCount} ${plural(serverCount, 'server', 'servers')}`,
    added: (name: string) => `${name} was added.`,
    declined: 'The panel was not added.',
    plainChoice: 'Send my key without encryption',
    plainNeedsChoice: 'This address is not encrypted. Use the panel’s https:// address, or choose to send your key without encryption.',
  },
  keychain: {
    title: 'The key cannot be stored safely',
    detail:
      'Pterotray keeps API keys in your system’s keychain, and none is available (on Linux, install and unlock GNOME Keyring or KWallet). You can keep the key in memory for this session: you will paste it again after Pterotray restarts.',
    sessionOnly: 'Keep the key for this session only',
  },
} as const;
