/**
 * `globalShortcut`: accelerators are recorded; nothing listens to a keyboard.
 */
import type { GlobalShortcut } from 'electron';
import { doubleContext } from './context';

const registered = new Map<string, () => void>();

/** The `globalShortcut` module. */
export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    if (registered.has(accelerator)) return false;
    registered.set(accelerator, callback);
    doubleContext().recorder.touch();
    return true;
  },
  registerAll(accelerators: string[], callback: () => void): void {
    for (const accelerator of accelerators) globalShortcut.register(accelerator, callback);
  },
  isRegistered: (accelerator: string): boolean => registered.has(accelerator),
  unregister(accelerator: string): void {
    registered.delete(accelerator);
    doubleContext().recorder.touch();
  },
  unregisterAll(): void {
    registered.clear();
    doubleContext().recorder.touch();
  },
} satisfies Pick<GlobalShortcut, 'register' | 'registerAll' | 'isRegistered' | 'unregister' | 'unregisterAll'>;

/** Registered accelerators, for the snapshot. */
export function shortcutList(): string[] {
  return [...registered.keys()];
}
