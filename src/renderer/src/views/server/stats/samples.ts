/**
 * Pure helpers for the window's copy of a server's stats history: bounded, ordered by time, and
 * free of duplicates when the loaded history and the pushed samples overlap.
 */
import type { StatsSample } from '../../../../../shared/types';

/**
 * Points kept per server: the same as main's history (180 samples, 2 s apart), so the window
 * never holds more than main can give back after a reload.
 */
export const STATS_POINTS = 180;

/** The list with `sample` appended, dropping the oldest past `capacity`; older or equal times are ignored. */
export function appendSample(list: readonly StatsSample[], sample: StatsSample, capacity: number): StatsSample[] {
  const last = list.at(-1);
  if (last && sample.at <= last.at) return list as StatsSample[];
  const next = list.length >= capacity ? list.slice(list.length - capacity + 1) : list.slice();
  next.push(sample);
  return next;
}

/** History followed by the newer samples that came in while it loaded, ordered and bounded. */
export function mergeSamples(history: readonly StatsSample[], newer: readonly StatsSample[], capacity: number): StatsSample[] {
  let merged: StatsSample[] = [];
  for (const sample of [...history].sort((a, b) => a.at - b.at)) merged = appendSample(merged, sample, capacity);
  for (const sample of newer) merged = appendSample(merged, sample, capacity);
  return merged;
}
