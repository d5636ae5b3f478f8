/** View models for the window's tests (not imported by the app). */
import type { AccountView, ServerView } from '../../shared/types';

export function makeAccount(patch: Partial<AccountView> = {}): AccountView {
  return {
    id: 'acc1',
    name: 'Main panel',
    url: 'https://panel.example.com',
    username: 'alice',
    status: 'ok',
    statusMessage: null,
    keyStorage: 'keychain',
    isDemo: false,
    allowsPlainHttp: false,
    ...patch,
  };
}

export function makeServer(patch: Partial<ServerView> = {}): ServerView {
  return {
    accountId: 'acc1',
    identifier: '1a2b3c4d',
    uuid: null,
    name: 'Alpha',
    node: 'node-1',
    description: null,
    state: 'running',
    availability: 'ok',
    isLive: false,
    isStateCurrent: true,
    stateSeenAt: 1_700_000_000_000,
    resources: null,
    limits: { memoryMib: 1024, diskMib: 0, cpuPercent: 100 },
    address: '10.0.0.1:25565',
    sftp: null,
    liveIssue: null,
    featurePrompt: null,
    ...patch,
  };
}

/** `count` servers with 8-hex identifiers, alternating running and offline. */
export function manyServers(count: number, accountId = 'acc1'): ServerView[] {
  return Array.from({ length: count }, (_, i) =>
    makeServer({
      accountId,
      identifier: (0x10000000 + i).toString(16),
      name: `Server ${String(i).padStart(3, '0')}`,
      state: i % 2 === 0 ? 'running' : 'offline',
      address: `10.0.${Math.floor(i / 250)}.${i % 250}:25565`,
    }),
  );
}
