/**
 * What the banner above a server says when something keeps it from working normally: the panel's
 * own words for its conflict states, and the account's problem when the panel itself is not usable.
 */
import { t } from '../../lib/strings';
import type { AccountStatus, LiveIssue, ServerView } from '../../../../shared/types';

export interface Banner {
  title: string;
  detail: string;
  tone: 'warn' | 'danger';
}

/** The banner for a server's availability and its account's status, or null when all is well. */
export function bannerFor(server: Pick<ServerView, 'availability' | 'node'>, accountStatus: AccountStatus | undefined): Banner | null {
  const a = server.availability;
  const b = t.server.banners;
  switch (a) {
    case 'ok':
      return accountBanner(accountStatus);
    case 'node-unreachable':
      return { title: b[a].title, detail: b[a].detail(server.node), tone: 'danger' };
    case 'install-failed':
    case 'unknown':
      return { ...b[a], tone: 'danger' };
    default:
      return { ...b[a], tone: 'warn' };
  }
}

function accountBanner(status: AccountStatus | undefined): Banner | null {
  if (status === undefined || status === 'ok' || status === 'checking') return null;
  return { title: t.server.accountProblem, detail: t.dashboard.accountStatus[status], tone: 'danger' };
}

/** True when the server may take console commands as far as its availability goes. */
export function acceptsCommands(server: Pick<ServerView, 'availability' | 'state'>): boolean {
  return (server.availability === 'ok' || server.availability === 'node-unreachable') && server.state !== 'offline';
}

/**
 * The banner for a live connection that stopped for good (Wings' words by kind, never log text),
 * saying the state is polled instead when it is; null when there is none.
 */
export function liveIssueBanner(issue: LiveIssue | null): Banner | null {
  if (issue === null) return null;
  const words = t.live.issues[issue.kind];
  const detail = issue.isPolled ? `${words.detail} ${t.live.polled}` : words.detail;
  return { title: words.title, detail, tone: issue.kind === 'panel-outdated' || issue.kind === 'token-refused' ? 'danger' : 'warn' };
}
