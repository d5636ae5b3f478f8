/**
 * The quick-open shortcut recorder's pure half (issue 15b): a key press into an Electron
 * accelerator (docs/api/accelerator.md), and an accelerator into the platform's own words
 * (Ctrl+Alt+P on Linux and Windows, ⌃⌥⇧⌘P on macOS, in Apple's modifier order).
 */
import { isQuickOpenShortcut } from '../../../../shared/accelerator';
import type { DesktopInfo } from '../../../../shared/types';

type Platform = DesktopInfo['platform'];

/** What the recorder reads of a keydown (a KeyboardEvent's fields; spelled out so Node code can use the labels). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/**
 * What a key press makes: a shortcut; only modifiers so far (the recorder waits for the key);
 * a key with no modifier, or with Shift alone (either would take plain typing from every
 * application); or a key Electron cannot name as a global shortcut.
 */
export type Recorded =
  { kind: 'shortcut'; accelerator: string } | { kind: 'modifiers'; accelerator: string } | { kind: 'needs-modifier' } | { kind: 'unsupported' };

/** `KeyboardEvent.code`s that are not letters or digits, as Electron names their keys. */
const CODE_KEYS: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
};

const MODIFIER_KEYS = new Set(['Control', 'Alt', 'AltGraph', 'Shift', 'Meta', 'OS', 'Super', 'Hyper']);

/**
 * The key's accelerator name: the character typed for a letter or digit (the layout's, as
 * Electron maps an accelerator's character), else by where the key is (Shift+1 types "!",
 * Option+P types "π": both are still 1 and P).
 */
function keyName(press: KeyPress): string | null {
  if (/^[a-z0-9]$/i.test(press.key)) return press.key.toUpperCase();
  const letter = /^Key([A-Z])$/.exec(press.code) ?? /^Digit([0-9])$/.exec(press.code);
  if (letter) return letter[1]!;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(press.code)) return press.code;
  return CODE_KEYS[press.code] ?? null;
}

/**
 * The modifiers held, in Electron's words. The platform's main one (⌘ on macOS, Ctrl elsewhere)
 * is CommandOrControl, so the setting means the same shortcut on every platform.
 */
function modifiersOf(press: KeyPress, platform: Platform): string[] {
  const isMac = platform === 'darwin';
  const primary = isMac ? press.metaKey : press.ctrlKey;
  const other = isMac ? press.ctrlKey : press.metaKey;
  return [primary ? 'CommandOrControl' : '', other ? (isMac ? 'Control' : 'Super') : '', press.altKey ? 'Alt' : '', press.shiftKey ? 'Shift' : ''].filter(
    Boolean,
  );
}

/** The modifiers still held (a keyup), as an accelerator's start: 'CommandOrControl+Alt', or ''. */
export function heldModifiers(press: KeyPress, platform: Platform): string {
  return modifiersOf(press, platform).join('+');
}

/** What a keydown records (Escape and Tab are the recorder's own, not passed here). */
export function recordKey(press: KeyPress, platform: Platform): Recorded {
  const modifiers = modifiersOf(press, platform);
  if (MODIFIER_KEYS.has(press.key)) return { kind: 'modifiers', accelerator: modifiers.join('+') };
  const key = keyName(press);
  if (key === null) return { kind: 'unsupported' };
  if (modifiers.length === 0 || modifiers.join() === 'Shift') return { kind: 'needs-modifier' };
  const accelerator = [...modifiers, key].join('+');
  return isQuickOpenShortcut(accelerator) ? { kind: 'shortcut', accelerator } : { kind: 'unsupported' };
}

const MAC_SYMBOLS: Record<string, string> = { control: '⌃', alt: '⌥', option: '⌥', shift: '⇧', command: '⌘', cmd: '⌘', super: '⌘', meta: '⌘' };
const MAC_ORDER = ['⌃', '⌥', '⇧', '⌘'];
const OTHER_WORDS: Record<string, string> = {
  control: 'Ctrl',
  ctrl: 'Ctrl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};
const OTHER_ORDER = ['Ctrl', 'Alt', 'AltGr', 'Shift', 'Super'];
const MAC_KEYS: Record<string, string> = {
  Up: '↑',
  Down: '↓',
  Left: '←',
  Right: '→',
  Enter: '↩',
  Return: '↩',
  Backspace: '⌫',
  Delete: '⌦',
  Space: 'Space',
  Tab: '⇥',
};

/** An accelerator in the platform's words; '' for none. */
export function acceleratorLabel(accelerator: string, platform: Platform): string {
  if (accelerator === '') return '';
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  const isMac = platform === 'darwin';
  const word = (part: string): string => {
    const lower = part.toLowerCase();
    if (lower === 'commandorcontrol' || lower === 'cmdorctrl') return isMac ? '⌘' : 'Ctrl';
    if (lower === 'command' || lower === 'cmd') return isMac ? '⌘' : 'Super';
    return (isMac ? MAC_SYMBOLS[lower] : OTHER_WORDS[lower]) ?? part;
  };
  const order = isMac ? MAC_ORDER : OTHER_ORDER;
  const modifiers = parts.map(word).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const keyText = isMac ? (MAC_KEYS[key] ?? key.toUpperCase()) : key.length === 1 ? key.toUpperCase() : key;
  return isMac ? [...modifiers, keyText].join('') : [...modifiers, keyText].join('+');
}
