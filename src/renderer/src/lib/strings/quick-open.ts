/** The quick-open search for a server (issue 15): reached from the tray and a global shortcut. */
export const quickOpenStrings = {
  title: 'Find a server',
  label: 'Server name, identifier, node or panel',
  placeholder: 'Type a server’s name…',
  results: 'Servers',
  none: (query: string) => `No server matches “${query}”.`,
  more: (shown: number) => `The first ${shown} are shown: type more to narrow them.`,
  hint: '↑ ↓ to choose, Enter to open its console, Esc to close',
  count: (n: number) => `${n} server${n === 1 ? '' : 's'}`,
} as const;
