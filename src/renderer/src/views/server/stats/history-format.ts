/** How the Stats tab's history names times: a bucket under the pointer, a day or a week of uptime. */
import { formatUptime, formatUptimeShare } from '../../../lib/format';
import { t } from '../../../lib/strings';
import type { UptimeBucketView, UptimePer } from '../../../../../shared/ipc/history';

const DAY_MS = 86_400_000;

/** A bucket's start: the time alone within a day's range, with the weekday and date beyond. */
export function bucketTime(atMs: number, rangeMs: number): string {
  const at = new Date(atMs);
  if (rangeMs <= DAY_MS) return at.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  return at.toLocaleString(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** "Tue, Mar 3" for a day, "Week of Mar 2" for a week. */
export function uptimeWhen(bucket: UptimeBucketView, per: UptimePer): string {
  const at = new Date(bucket.start);
  if (per === 'week') return t.stats.weekOf(at.toLocaleDateString(undefined, { month: 'short', day: 'numeric' }));
  return at.toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
}

/** Running share of the time seen, or null when nothing was seen. */
export function uptimeShare(bucket: Pick<UptimeBucketView, 'runningMs' | 'observedMs'>): number | null {
  return bucket.observedMs > 0 ? bucket.runningMs / bucket.observedMs : null;
}

/** What a bar says to a screen reader and in its tooltip. */
export function uptimeBucketLabel(bucket: UptimeBucketView, per: UptimePer): string {
  const when = uptimeWhen(bucket, per);
  const share = uptimeShare(bucket);
  return share === null ? t.stats.uptimeUnseen(when) : t.stats.uptimeBucket(when, formatUptimeShare(share), formatUptime(bucket.observedMs));
}

/** The share over every bucket's seen time together. */
export function overallShare(buckets: readonly UptimeBucketView[]): number | null {
  return uptimeShare(
    buckets.reduce((sum, b) => ({ runningMs: sum.runningMs + b.runningMs, observedMs: sum.observedMs + b.observedMs }), { runningMs: 0, observedMs: 0 }),
  );
}
