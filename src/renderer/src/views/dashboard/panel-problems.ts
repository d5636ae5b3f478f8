/**
 * A panel's problem as the dashboard says it (issue 15b): in its group's header when grouped by
 * panel, and in a strip above the groups for every panel no header names (grouped by node, not
 * grouped, or filtered out), so a panel that is down is never hidden by the grouping.
 */
import { rateLimitedReason, rateLimitedSpoken } from '../../../../shared/power';
import { formatClockTime } from '../../lib/format';
import { t } from '../../lib/strings';
import type { AccountView } from '../../../../shared/types';
import type { ServerGroup } from './server-list';

/** True when the panel's status is a problem to show (not ok, not still being checked). */
export function hasProblem(account: Pick<AccountView, 'status'>): boolean {
  return account.status !== 'ok' && account.status !== 'checking';
}

/**
 * The account's problem, or '' when there is none. A panel that cannot be reached is said so first,
 * then why in the network's or the panel's words ("The panel answered 500…"), which alone read like
 * a one-off. A rate limit says until when; `nowMs` is called only then, so a countdown clock is read
 * (and ticks) only while one is shown.
 */
export function accountProblemLine(account: Pick<AccountView, 'status' | 'statusMessage' | 'retryAtMs'>, nowMs: () => number): string {
  if (account.status === 'ok') return '';
  const label = t.dashboard.accountStatus[account.status];
  if (account.status === 'rate-limited') return rateLimitedReason({ retryAtMs: account.retryAtMs, nowMs: nowMs() });
  if (!account.statusMessage) return label;
  return account.status === 'unreachable' ? `${label}. ${account.statusMessage}` : account.statusMessage;
}

/**
 * The account's problem as a screen reader is told it: the same words, but a rate limit says the
 * clock time it answers again rather than counting down, so its live region is read once, not each
 * second (SpokenOnce.svelte).
 */
export function spokenProblemLine(account: Pick<AccountView, 'status' | 'statusMessage' | 'retryAtMs'>): string {
  if (account.status === 'rate-limited') return rateLimitedSpoken(account.retryAtMs, formatClockTime);
  return accountProblemLine(account, () => 0);
}

/** The panels with a problem that no group header on screen names, in the accounts' order. */
export function unheadedProblems(accounts: readonly AccountView[], groups: readonly ServerGroup[]): AccountView[] {
  const headed = new Set(groups.flatMap((g) => (g.account ? [g.account.id] : [])));
  return accounts.filter((a) => hasProblem(a) && !headed.has(a.id));
}

/** A row's mark for its panel's problem: short on screen, the panel and the whole reason on hover. */
export interface PanelMark {
  text: string;
  title: string;
}

/**
 * The marks for the rows of the given panels by account id. The title says the plain reason (a rate
 * limit without its countdown, which the strip above keeps), so a hundred rows do not redraw each second.
 */
export function panelMarks(accounts: readonly AccountView[]): ReadonlyMap<string, PanelMark> {
  const marks = new Map<string, PanelMark>();
  for (const account of accounts) {
    if (account.status === 'ok' || account.status === 'checking') continue;
    const line = accountProblemLine({ ...account, retryAtMs: null }, () => 0);
    marks.set(account.id, { text: t.dashboard.panelMark[account.status], title: t.dashboard.panelMarkTitle(account.name, line) });
  }
  return marks;
}
