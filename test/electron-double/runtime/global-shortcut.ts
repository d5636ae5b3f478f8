/**
 * `globalShortcut`: system-wide shortcuts, as Electron 45 keeps them (docs/api/global-shortcut.md):
 * `register` returns false when the accelerator is already taken (by this app here; by another
 * app on a real desktop, which tests script with `takenByOthers`), `unregister`/`unregisterAll`
 * drop them, and a key press anywhere calls the callback, whether or not a window has focus.
 */
import type { GlobalShortcut } from 'electron';
import { doubleContext } from './context';
import { normalizeAccelerator } from './roles';

const registered = new Map<string, { accelerator: string; callback: () => void }>();
/** Accelerators another application holds (a test sets them through PTEROTRAY_DOUBLE_TAKEN_SHORTCUTS). */
const takenByOthers = new Set((process.env.PTEROTRAY_DOUBLE_TAKEN_SHORTCUTS ?? '').split(',').filter(Boolean).map(normalizeAccelerator));

function register(accelerator: string, callback: () => void): boolean {
  const keys = normalizeAccelerator(accelerator);
  if (registered.has(keys) || takenByOthers.has(keys)) return false;
  registered.set(keys, { accelerator, callback });
  doubleContext().recorder.touch();
  return true;
}

function unregister(accelerator: string): void {
  if (registered.delete(normalizeAccelerator(accelerator))) doubleContext().recorder.touch();
}

/** The `globalShortcut` module. */
export const globalShortcut = {
  register,
  unregister,
  unregisterAll: () => {
    registered.clear();
    doubleContext().recorder.touch();
  },
  isRegistered: (accelerator: string) => registered.has(normalizeAccelerator(accelerator)),
} satisfies Pick<GlobalShortcut, 'register' | 'unregister' | 'unregisterAll' | 'isRegistered'>;

/** The person presses a global shortcut: its callback runs. Returns whether one was registered. */
export function pressGlobalShortcut(accelerator: string): boolean {
  const entry = registered.get(normalizeAccelerator(accelerator));
  entry?.callback();
  return entry !== undefined;
}

/** Another application lets go of a shortcut it held: nothing is told, as on a real desktop. */
export function releaseTakenShortcut(accelerator: string): void {
  takenByOthers.delete(normalizeAccelerator(accelerator));
}

/** The accelerators registered now, as the app spelled them (for the snapshot). */
export function globalShortcutState(): string[] {
  return [...registered.values()].map((e) => e.accelerator);
}
