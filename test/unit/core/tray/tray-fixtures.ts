/** An account and a server as main's views hold them, for the tray's model and menu tests. */
import type { AccountView, ServerView } from '../../../../src/shared/types';

export const account = (over: Partial<AccountView> = {}): AccountView => ({
  id: 'a1',
  name: 'Home panel',
  url: 'https://panel.example.com',
  username: 'alex',
  status: 'ok',
  statusMessage: null,
  keyStorage: 'keychain',
  isDemo: false,
  allowsPlainHttp: false,
  ...over,
});

export const server = (over: Partial<ServerView> = {}): ServerView => ({
  accountId: 'a1',
  identifier: 'abcd1234',
  uuid: null,
  name: 'Survival',
  node: 'Node 1',
  description: null,
  state: 'running',
  availability: 'ok',
  isLive: true,
  isStateCurrent: true,
  stateSeenAt: 1_700_000_000_000,
  resources: null,
  limits: { memoryMib: 1024, diskMib: 2048, cpuPercent: 100 },
  address: '10.0.0.5:25565',
  sftp: { host: 'node1.example.com', port: 2022, username: 'alex.abcd1234' },
  liveIssue: null,
  featurePrompt: null,
  ...over,
});
