/**
 * The stats tab's uptime buckets (issue 14): calendar days and weeks in the machine's own time
 * zone, so "Tuesday" is the person's Tuesday, not UTC's. Built with Date's local fields, so a day
 * across a daylight-saving change is 23 or 25 hours, as the wall clock says.
 */

/** One bucket, `[start, end)` in epoch ms. */
export interface CalendarSpan {
  start: number;
  end: number;
}

/** Days shown per day, and weeks per week (13 weeks: the 90 days the history keeps). */
export const UPTIME_DAYS = 30;
export const UPTIME_WEEKS = 13;

function localMidnight(atMs: number): Date {
  const d = new Date(atMs);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** The `count` local days (or weeks from Monday) up to and including the one `nowMs` falls in, oldest first. */
export function calendarSpans(nowMs: number, per: 'day' | 'week', count: number): CalendarSpan[] {
  const first = localMidnight(nowMs);
  const stepDays = per === 'day' ? 1 : 7;
  // getDay(): Sunday 0 … Saturday 6; a week starts on Monday (ISO 8601).
  if (per === 'week') first.setDate(first.getDate() - ((first.getDay() + 6) % 7));
  first.setDate(first.getDate() - stepDays * (count - 1));
  const spans: CalendarSpan[] = [];
  for (let i = 0; i < count; i++) {
    const start = new Date(first.getFullYear(), first.getMonth(), first.getDate() + i * stepDays);
    const end = new Date(first.getFullYear(), first.getMonth(), first.getDate() + (i + 1) * stepDays);
    spans.push({ start: start.getTime(), end: end.getTime() });
  }
  return spans;
}
