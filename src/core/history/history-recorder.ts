/**
 * Feeds the monitor's stats and states into the history store (issue 14, part 1): every stats
 * sample of every followed server, and each server's state whenever it changes, but only a state
 * the monitor has seen live (`isStateCurrent`): a last-known state, a panel out of reach, or a
 * server not yet seen is `unknown`, which uptime counts neither way.
 */
import type { ServerRef, ServerView, StatsSample } from '../../shared/types';
import type { Disposer } from '../util/deps';
import type { HistoryState, HistoryStore } from './history-store';

/** What the recorder needs of the monitor; ServerMonitor has it. */
export interface HistorySource {
  on(event: 'stats', listener: (ref: ServerRef, sample: StatsSample) => void): Disposer;
  on(event: 'changed', listener: () => void): Disposer;
  servers(): ServerView[];
}

/** The history's word for what a view shows. */
export function historyStateOf(view: ServerView): HistoryState {
  if (!view.isStateCurrent || view.state === 'unknown') return 'unknown';
  return view.state;
}

/** Starts recording; the disposer stops it (the store is flushed by its own dispose). */
export function recordHistory(source: HistorySource, store: HistoryStore, now: () => number): Disposer {
  let known = new Set<string>();
  const onChanged = (): void => {
    const at = now();
    const seen = new Set<string>();
    for (const view of source.servers()) {
      const key = `${view.accountId}/${view.identifier}`;
      seen.add(key);
      store.recordState(view, historyStateOf(view), at);
    }
    // A server no longer listed (removed, account gone): its time from now is not observed.
    const gone = [...known].filter((k) => !seen.has(k)).map(refOf);
    if (gone.length > 0) store.markUnknown(gone, at);
    known = seen;
  };
  const offStats = source.on('stats', (ref, sample) => store.record(ref, sample));
  const offChanged = source.on('changed', onChanged);
  onChanged();
  return () => {
    offStats();
    offChanged();
  };
}

function refOf(key: string): ServerRef {
  const slash = key.indexOf('/');
  return { accountId: key.slice(0, slash), identifier: key.slice(slash + 1) };
}
