/**
 * `shell`: nothing is opened for real; every call is recorded for the test (e.g. "openExternal is
 * only called with the panel's https URL").
 */
import type { Shell } from 'electron';
import type { ShellCall } from '../shared/snapshot';
import { doubleContext } from './context';

const calls: ShellCall[] = [];

function record(method: ShellCall['method'], target?: string): void {
  calls.push(target === undefined ? { method } : { method, target });
  doubleContext().recorder.touch();
}

/** Every shell call so far. */
export function shellCalls(): ShellCall[] {
  return calls;
}

/** The `shell` module. */
export const shell = {
  openExternal: async (url: string): Promise<void> => {
    record('openExternal', url);
  },
  /** Resolves '' (success), like Electron when the path could be opened. */
  openPath: async (path: string): Promise<string> => {
    record('openPath', path);
    return '';
  },
  showItemInFolder: (fullPath: string): void => record('showItemInFolder', fullPath),
  trashItem: async (path: string): Promise<void> => record('trashItem', path),
  beep: (): void => record('beep'),
} satisfies Pick<Shell, 'openExternal' | 'openPath' | 'showItemInFolder' | 'trashItem' | 'beep'>;
