/**
 * Whether a channel takes an incident, pure (house style rule 7): the channel's switch, the
 * notifications' pause (the same pause as the desktop's), its rules and its quiet hours. Decided
 * once, when the incident arrives: what was queued before a pause or quiet hours still goes out.
 */
import type { Incident, IncidentSeverity } from '../incidents/types';
import type { ChannelConfig, QuietHours } from './types';

const SEVERITY_RANK: Record<IncidentSeverity, number> = { info: 0, warning: 1, critical: 2 };

export type SkipReason = 'disabled' | 'paused' | 'rules' | 'quiet-hours';

export type Decision = { send: true } | { send: false; reason: SkipReason };

export interface DecisionContext {
  isPaused: boolean;
  /** Minutes after local midnight at the incident's arrival, 0..1439. */
  localMinute: number;
}

/** True when `minute` falls in the window; a window whose start is after its end spans midnight. */
export function isWithinQuietHours(quiet: QuietHours, minute: number): boolean {
  const { startMinute: start, endMinute: end } = quiet;
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** True when the channel's rules take the incident (accounts, servers, kinds, least severity). */
export function matchesRules(channel: ChannelConfig, incident: Incident): boolean {
  const { accounts, servers, kinds, minSeverity } = channel.rules;
  if (SEVERITY_RANK[incident.severity] < SEVERITY_RANK[minSeverity]) return false;
  if (accounts !== null && !accounts.includes(incident.accountId)) return false;
  if (kinds !== null && !kinds.includes(incident.kind)) return false;
  if (servers !== null) {
    if (incident.server === null) return false;
    if (!servers.includes(`${incident.accountId}/${incident.server.identifier}`)) return false;
  }
  return true;
}

/** Whether `channel` sends `incident` now, and why not when it does not. */
export function decide(channel: ChannelConfig, incident: Incident, context: DecisionContext): Decision {
  if (!channel.isEnabled) return { send: false, reason: 'disabled' };
  if (context.isPaused) return { send: false, reason: 'paused' };
  if (!matchesRules(channel, incident)) return { send: false, reason: 'rules' };
  const quiet = channel.quietHours;
  if (quiet && isWithinQuietHours(quiet, context.localMinute) && !(quiet.allowCritical && incident.severity === 'critical'))
    return { send: false, reason: 'quiet-hours' };
  return { send: true };
}

/** Minutes after local midnight of `ms` on this machine (the daemon's: its TZ). */
export function localMinuteOf(ms: number): number {
  const d = new Date(ms);
  return d.getHours() * 60 + d.getMinutes();
}
