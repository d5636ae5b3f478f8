/**
 * Read-only hooks for the end-to-end specs on real Electron (Playwright's `_electron`), which
 * cannot read a native tray menu or notification: with PTEROTRAY_TEST_HOOKS=1 only, main exposes
 * the tray model it drew and the notices it showed on `globalThis.__pterotrayTest`. Nothing here
 * can change the app, and nothing is exposed without the variable.
 */
import type { Notice } from '../core/rules/notification-policy';
import type { TrayModel } from '../core/tray/tray-model';

export interface TestHooks {
  trayModel(): TrayModel | null;
  notices(): Notice[];
}

export function installTestHooks(trayModel: () => TrayModel | null): ((notice: Notice) => void) | null {
  if (process.env.PTEROTRAY_TEST_HOOKS !== '1') return null;
  const shown: Notice[] = [];
  const hooks: TestHooks = { trayModel, notices: () => [...shown] };
  (globalThis as { __pterotrayTest?: TestHooks }).__pterotrayTest = hooks;
  return (notice) => shown.push(notice);
}
