/**
 * Which desktop the double plays: `linux` (a StatusNotifierItem tray, as on KDE or GNOME with the
 * AppIndicator extension), `darwin` or `win32`, from PTEROTRAY_DOUBLE_PLATFORM (default linux),
 * and whether a tray host is there at all (PTEROTRAY_DOUBLE_TRAY_HOST=0: plain GNOME, no icon).
 * The app's process sees it as `process.platform`, which is what Electron apps branch on.
 */
export type DoublePlatform = 'linux' | 'darwin' | 'win32';

const KNOWN: readonly DoublePlatform[] = ['linux', 'darwin', 'win32'];

export function doublePlatform(): DoublePlatform {
  const wanted = process.env.PTEROTRAY_DOUBLE_PLATFORM ?? 'linux';
  if (!(KNOWN as readonly string[]).includes(wanted)) throw new Error(`electron-double: unknown platform '${wanted}' (linux, darwin or win32)`);
  return wanted as DoublePlatform;
}

/** False on a Linux desktop with no StatusNotifier host: Electron makes the Tray, nobody shows it. */
export function hasTrayHost(): boolean {
  return process.env.PTEROTRAY_DOUBLE_TRAY_HOST !== '0';
}

/**
 * True when the double plays an installed build (PTEROTRAY_DOUBLE_PACKAGED=1): `app.isPackaged`
 * true and `process.defaultApp` unset, as for an app started from its installer rather than
 * `electron .` (npm start).
 */
export function isPackagedDouble(): boolean {
  return process.env.PTEROTRAY_DOUBLE_PACKAGED === '1';
}

/** Makes `process.platform` say the double's platform (Node's own modules keep the real one). */
export function applyPlatform(): void {
  Object.defineProperty(process, 'platform', { value: doublePlatform(), enumerable: true, configurable: true });
}
