/**
 * Electron's `Event` object: what every main-process listener gets first. Only `preventDefault`
 * and `defaultPrevented` are part of its contract; the rest is per event.
 */
import type { Event as ElectronEvent } from 'electron';

/** Makes an Electron-style event carrying `extra` fields (e.g. `sender`, `returnValue`). */
export function createEvent<Params extends object = object>(extra?: Params): ElectronEvent<Params> {
  let prevented = false;
  const base = {
    preventDefault: (): void => {
      prevented = true;
    },
    get defaultPrevented(): boolean {
      return prevented;
    },
  };
  return Object.assign(base, extra) as ElectronEvent<Params>;
}
