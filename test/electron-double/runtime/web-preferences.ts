/**
 * Electron's webPreferences defaults (as of Electron 20+), applied to what the app passed so
 * security assertions read the effective values, plus the warnings for what the double cannot do.
 */

const DEFAULTS: Record<string, unknown> = {
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  javascript: true,
  devTools: true,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: true,
  backgroundThrottling: true,
  safeDialogs: false,
  disableDialogs: false,
};

/** The webPreferences the window really runs with. */
export function effectiveWebPreferences(given: Record<string, unknown> | undefined): Record<string, unknown> {
  const preferences = { ...DEFAULTS, ...given };
  // Electron sandboxes by default unless Node integration is on.
  preferences.sandbox = given?.sandbox ?? !preferences.nodeIntegration;
  return preferences;
}

/** What the double cannot emulate for these preferences (the preload always runs sandboxed-style in the page). */
export function unsupportedPreferences(preferences: Record<string, unknown>): string[] {
  const notes: string[] = [];
  if (preferences.nodeIntegration === true) notes.push('nodeIntegration: true (the page gets no Node.js here)');
  if (preferences.sandbox === false) notes.push('sandbox: false (the preload can still only require("electron") here)');
  if (preferences.contextIsolation === false) notes.push('contextIsolation: false (the double never isolates; see README)');
  return notes;
}
