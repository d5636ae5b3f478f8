/**
 * A DoubleContext for testing the double's modules in-process, without a child or a launcher.
 */
import type { Bridge } from '../../electron-double/runtime/bridge';
import { setDoubleContext, type DoubleContext, type WindowHandle } from '../../electron-double/runtime/context';

/** What the fake saw. */
export interface FakeContextLog {
  touches: number;
  quits: number;
  warnings: string[];
  ready: boolean;
  focused: WindowHandle | undefined;
}

const detachedBridge: Bridge = {
  connected: false,
  request: () => Promise.reject(new Error('no launcher in unit tests')),
  notify: () => {},
  handle: () => {},
  listen: () => {},
  notifyAndFlush: () => Promise.resolve(),
  setBeforeRespond: () => {},
};

/** Installs a fresh fake context (with `overrides` wired in) and returns its log. */
export function installFakeContext(overrides: Partial<DoubleContext> = {}): FakeContextLog {
  const log: FakeContextLog = { touches: 0, quits: 0, warnings: [], ready: true, focused: undefined };
  const context: DoubleContext = {
    recorder: {
      touch: () => {
        log.touches += 1;
      },
      section: () => {},
    },
    bridge: detachedBridge,
    isReady: () => log.ready,
    quit: () => {
      log.quits += 1;
    },
    appName: () => 'Fake App',
    appPath: () => '/fake/app',
    focusedWindow: () => log.focused,
    emitAppEvent: () => {},
    windowDestroyed: () => {},
    warn: (message) => log.warnings.push(message),
    ...overrides,
  };
  setDoubleContext(context);
  return log;
}
