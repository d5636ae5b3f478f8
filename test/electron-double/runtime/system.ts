/**
 * The small system modules: `powerMonitor` (events the test triggers), `net` (online flag the
 * test can flip) and `nativeTheme` (themeSource with a system preference the test sets).
 */
import { EventEmitter } from 'node:events';
import type { NativeTheme, Net, PowerMonitor } from 'electron';
import { doubleContext } from './context';
import { createEvent } from './event';
import { doublePlatform } from './platform';

/** Events a test can make the power monitor emit. */
export const POWER_EVENTS = [
  'suspend',
  'resume',
  'lock-screen',
  'unlock-screen',
  'on-ac',
  'on-battery',
  'shutdown',
  'user-did-become-active',
  'user-did-resign-active',
] as const;

/** The `powerMonitor` module. */
export const powerMonitor = Object.assign(new EventEmitter(), {
  onBatteryPower: false,
  getSystemIdleState: (): 'active' => 'active',
  getSystemIdleTime: (): number => 0,
  getCurrentThermalState: (): 'unknown' => 'unknown',
  isOnBatteryPower: (): boolean => false,
}) satisfies Pick<PowerMonitor, 'getSystemIdleState' | 'getSystemIdleTime' | 'isOnBatteryPower' | 'onBatteryPower'>;

/** What the test does to the power monitor. */
export function emitPowerEvent(name: string): void {
  if (!(POWER_EVENTS as readonly string[]).includes(name)) throw new Error(`unknown powerMonitor event ${name}; use one of ${POWER_EVENTS.join(', ')}`);
  powerMonitor.emit(name, createEvent());
}

let online = true;

/** The `net` module (requests go through Node's fetch, not Chromium's network stack). */
export const net = {
  isOnline: (): boolean => online,
  get online(): boolean {
    return online;
  },
  fetch: (input: string | URL | Request, init?: RequestInit): Promise<Response> => fetch(input, init),
} satisfies Pick<Net, 'isOnline' | 'online' | 'fetch'>;

/** What the test does to connectivity. */
export function setOnline(value: boolean): void {
  online = value;
}

type ThemeSource = 'system' | 'light' | 'dark';
let themeSource: ThemeSource = 'system';
let systemDark = process.env.PTEROTRAY_DOUBLE_DARK === '1';
let onThemeChange: (dark: boolean) => void = () => {};
/** Windows' own light/dark (the taskbar and tray), apart from the apps' mode; null: same as the apps'. */
let systemTrayDark: boolean | null = null;

function isDark(): boolean {
  return themeSource === 'dark' || (themeSource === 'system' && systemDark);
}

function themeChanged(before: boolean): void {
  doubleContext().recorder.touch();
  if (isDark() !== before) onThemeChange(isDark());
  nativeTheme.emit('updated');
}

type ThemeApi = Pick<NativeTheme, 'shouldUseDarkColors' | 'themeSource' | 'shouldUseHighContrastColors' | 'inForcedColorsMode'>;

class NativeThemeDouble extends EventEmitter implements ThemeApi {
  readonly shouldUseHighContrastColors = false;
  readonly shouldUseInvertedColorScheme = false;
  readonly inForcedColorsMode = false;
  readonly prefersReducedTransparency = false;

  /**
   * docs/api/native-theme.md (_macOS_ _Windows_): on Windows the system (taskbar) theme, apart
   * from the apps' one; elsewhere shouldUseDarkColors (electron_api_native_theme.cc: value_or).
   */
  get shouldUseDarkColorsForSystemIntegratedUI(): boolean {
    return doublePlatform() === 'win32' && systemTrayDark !== null ? systemTrayDark : isDark();
  }

  get shouldUseDarkColors(): boolean {
    return isDark();
  }

  get themeSource(): ThemeSource {
    return themeSource;
  }

  set themeSource(value: ThemeSource) {
    const before = isDark();
    themeSource = value;
    themeChanged(before);
  }
}

/** The `nativeTheme` module. */
export const nativeTheme = new NativeThemeDouble();

/** The desktop switching between light and dark. */
export function setSystemDark(dark: boolean): void {
  const before = isDark();
  systemDark = dark;
  themeChanged(before);
}

/** Windows: the user setting the taskbar ("Windows mode") dark or light. */
export function setSystemTrayDark(dark: boolean): void {
  if (doublePlatform() !== 'win32') throw new Error('the system tray has its own light/dark only on Windows (docs/api/native-theme.md)');
  systemTrayDark = dark;
  doubleContext().recorder.touch();
  nativeTheme.emit('updated');
}

/** Boot wires this to the pages' prefers-color-scheme. */
export function onDarkModeChange(listener: (dark: boolean) => void): void {
  onThemeChange = listener;
}

/** The theme state for the snapshot. */
export function themeState(): { themeSource: string; shouldUseDarkColors: boolean } {
  return { themeSource, shouldUseDarkColors: isDark() };
}
