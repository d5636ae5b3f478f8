/** Builders for the server view's tests (not imported by the app). */
import type { ServerView, StatsSample } from '../../../../shared/types';
import { makeServer } from '../../../test/view-models';

export const REF = { accountId: 'acc1', identifier: '1a2b3c4d' } as const;
export const OTHER_REF = { accountId: 'acc1', identifier: 'ffff0000' } as const;

export function sample(at: number, patch: Partial<StatsSample> = {}): StatsSample {
  return { at, cpuPercent: 10, memoryBytes: 512, diskBytes: 1024, networkRxBytesPerSec: 100, networkTxBytesPerSec: 50, uptimeMs: at, ...patch };
}

/** A live, running server at REF. */
export function serverView(patch: Partial<ServerView> = {}): ServerView {
  return makeServer({ ...REF, isLive: true, ...patch });
}

/** Terminal text without its colour escapes: what a person reads. */
export function withoutEscapes(text: string): string {
  // eslint-disable-next-line no-control-regex -- the terminal's escape character is what is removed
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
