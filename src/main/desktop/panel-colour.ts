/** The colour of the panel the tray icon sits on, so the icon stays visible. */

/** What the panel's colour can be read from; `systemDark` is the desktop's own light/dark. */
export interface PanelColourInput {
  platform: NodeJS.Platform;
  desktop: string | undefined;
  shouldUseDarkColorsForSystemIntegratedUI: boolean;
  systemDark: boolean;
}

/**
 * Whether the tray's panel is dark. The window's theme (nativeTheme.themeSource, which the app
 * sets from its own setting) says nothing about it, so the icon never follows that:
 * - Windows: the taskbar has its own mode, `shouldUseDarkColorsForSystemIntegratedUI`
 *   (docs/api/native-theme.md: "distinguishes between system and app light/dark theme");
 * - GNOME: the top bar is dark in light mode too;
 * - other Linux desktops: the panel follows the desktop's light/dark.
 */
export function isPanelDark(input: PanelColourInput): boolean {
  if (input.platform === 'win32') return input.shouldUseDarkColorsForSystemIntegratedUI;
  if (input.platform === 'linux' && (input.desktop ?? '').toLowerCase().split(':').includes('gnome')) return true;
  return input.systemDark;
}
