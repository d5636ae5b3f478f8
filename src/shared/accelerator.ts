/**
 * The quick-open search's global shortcut (issue 15), in Electron's accelerator syntax
 * (docs/api/accelerator.md): at least one modifier and one key, so it cannot swallow plain typing
 * system-wide. An empty string turns it off.
 */
const MODIFIERS = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta']);
const KEY =
  /^([a-z0-9]|f([1-9]|1[0-9]|2[0-4])|space|tab|enter|return|backspace|delete|insert|home|end|pageup|pagedown|up|down|left|right|escape|esc|plus|[`\-=[\]\\;',./])$/i;

/** The shortcut a new install gets: P for Pterotray, with Alt so it stays out of most apps' ways. */
export const DEFAULT_QUICK_OPEN_SHORTCUT = 'CommandOrControl+Alt+P';

/** True for '' (off) or modifiers and one key: 'CommandOrControl+Alt+P', 'Super+Space'. */
export function isQuickOpenShortcut(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64) return false;
  if (value === '') return true;
  const parts = value.split('+');
  const key = parts.pop() ?? '';
  return (
    parts.length > 0 && parts.every((p) => MODIFIERS.has(p.toLowerCase())) && new Set(parts.map((p) => p.toLowerCase())).size === parts.length && KEY.test(key)
  );
}
