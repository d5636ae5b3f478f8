/**
 * What the banner above a server says when something keeps it from working normally: the panel's
 * own words for its conflict states, and the account's problem when the panel itself is not usable.
 */
import { t } from '../../lib/strings';
import { rateLimitedReason, rateLimitedSpoken } from '../../../../shared/power';
import { formatClockTime } from '../../lib/format';
import type { AccountView, LiveIssue, ServerView } from '../../../../shared/types';

export interface Banner {
  title: string;
  detail: string;
  tone: 'warn' | 'danger';
  /** What a screen reader is told when it differs from `detail` (a countdown's end as a clock time, read once). */
  spokenDetail?: string;
}

/** What the banner reads of the server's account: its status and, while rate-limited, when it answers again. */
export type BannerAccount = Pick<AccountView, 'status' | 'retryAtMs'>;

/**
 * The banner for a server's availability and its account's status, or null when all is well.
 * `nowMs` is read only for a rate limit's countdown (issue 15b), as the dashboard's header does.
 */
export function bannerFor(
  server: Pick<ServerView, 'availability' | 'node'>,
  account: BannerAccount | undefined,
  nowMs: () => number = Date.now,
): Banner | null {
  const a = server.availability;
  const b = t.server.banners;
  switch (a) {
    case 'ok':
      return accountBanner(account, nowMs);
    case 'node-unreachable':
      return { title: b[a].title, detail: b[a].detail(server.node), tone: 'danger' };
    case 'install-failed':
    case 'unknown':
      return { ...b[a], tone: 'danger' };
    default:
      return { ...b[a], tone: 'warn' };
  }
}

function accountBanner(account: BannerAccount | undefined, nowMs: () => number): Banner | null {
  const status = account?.status;
  if (account === undefined || status === undefined || status === 'ok' || status === 'checking') return null;
  if (status !== 'rate-limited') return { title: t.server.accountProblem, detail: t.dashboard.accountStatus[status], tone: 'danger' };
  // ── layout2 (issue 15b) ── a rate limit says until when, counting down; read out once, as a clock time.
  const detail = rateLimitedReason({ retryAtMs: account.retryAtMs, nowMs: nowMs() });
  return { title: t.server.accountProblem, detail, tone: 'danger', spokenDetail: rateLimitedSpoken(account.retryAtMs, formatClockTime) };
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
