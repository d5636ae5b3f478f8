/**
 * What the double's classes need from the running app. Electron's modules are process-wide
 * singletons constructed by user code with no context argument (`new Tray(icon)`), so the double
 * sets this once at boot; unit tests set a fake.
 */
import type { Bridge } from './bridge';
import type { Recorder } from './recorder';

/** The part of a BrowserWindow that menu roles and dialogs need. */
export interface WindowHandle {
  readonly id: number;
  close(): void;
  minimize(): void;
  hide(): void;
  isDestroyed(): boolean;
  readonly webContents: { reload(): void; toggleDevTools(): void };
}

export interface DoubleContext {
  readonly recorder: Pick<Recorder, 'touch' | 'section'>;
  readonly bridge: Bridge;
  isReady(): boolean;
  quit(): void;
  appName(): string;
  focusedWindow(): WindowHandle | undefined;
  /** Emits an app event (browser-window-created, window-all-closed, …) with the app's own rules. */
  emitAppEvent(name: string, ...args: unknown[]): void;
  /** A window went away: the app decides between window-all-closed and quitting. */
  windowDestroyed(): void;
  appPath(): string;
  /** A loud note on stderr (it lands in the launcher's logs). */
  warn(message: string): void;
}

let current: DoubleContext | undefined;

/** Installs the context (boot does this once; tests may do it again). */
export function setDoubleContext(context: DoubleContext): void {
  current = context;
}

/** The installed context; using a module before boot is a bug in the double. */
export function doubleContext(): DoubleContext {
  if (!current) throw new Error('electron-double: used before boot (setDoubleContext was not called)');
  return current;
}

/** Throws Electron's own message when a ready-only API is used too early. */
export function assertReady(what: string): void {
  if (!doubleContext().isReady()) throw new Error(`Cannot create ${what} before app is ready`);
}
