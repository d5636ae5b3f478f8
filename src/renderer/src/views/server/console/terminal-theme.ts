/**
 * The terminal's colours from the design tokens: background and text follow the window's theme,
 * and the 16 ANSI colours come from a palette readable on that background (VS Code's).
 */
import type { ITheme } from '@xterm/xterm';
import { luminance } from '../css-theme';

export const TERMINAL_TOKENS = ['surface', 'text', 'muted', 'selection', 'mono', 'warn'] as const;

export type TerminalTokens = Record<(typeof TERMINAL_TOKENS)[number], string>;

type Palette = Required<
  Pick<
    ITheme,
    | 'black'
    | 'red'
    | 'green'
    | 'yellow'
    | 'blue'
    | 'magenta'
    | 'cyan'
    | 'white'
    | 'brightBlack'
    | 'brightRed'
    | 'brightGreen'
    | 'brightYellow'
    | 'brightBlue'
    | 'brightMagenta'
    | 'brightCyan'
    | 'brightWhite'
  >
>;

const DARK: Palette = {
  black: '#000000',
  red: '#cd3131',
  green: '#0dbc79',
  yellow: '#e5e510',
  blue: '#2472c8',
  magenta: '#bc3fbc',
  cyan: '#11a8cd',
  white: '#e5e5e5',
  brightBlack: '#666666',
  brightRed: '#f14c4c',
  brightGreen: '#23d18b',
  brightYellow: '#f5f543',
  brightBlue: '#3b8eea',
  brightMagenta: '#d670d6',
  brightCyan: '#29b8db',
  brightWhite: '#ffffff',
};

const LIGHT: Palette = {
  black: '#000000',
  red: '#cd3131',
  green: '#107c10',
  yellow: '#949800',
  blue: '#0451a5',
  magenta: '#bc05bc',
  cyan: '#0598bc',
  white: '#555555',
  brightBlack: '#666666',
  brightRed: '#cd3131',
  brightGreen: '#14ce14',
  brightYellow: '#b5ba00',
  brightBlue: '#0451a5',
  brightMagenta: '#bc05bc',
  brightCyan: '#0598bc',
  brightWhite: '#a5a5a5',
};

/** True when the background is dark enough for the bright palette. */
export function isDarkBackground(color: string): boolean {
  return luminance(color) < 0.4;
}

/** The xterm theme for the current tokens. */
export function terminalTheme(tokens: TerminalTokens): ITheme {
  return {
    ...(isDarkBackground(tokens.surface) ? DARK : LIGHT),
    background: tokens.surface,
    foreground: tokens.text,
    // Output only: no cursor to blink at the reader.
    cursor: tokens.surface,
    cursorAccent: tokens.surface,
    selectionBackground: tokens.selection,
    selectionInactiveBackground: tokens.selection,
    scrollbarSliderBackground: `${tokens.muted}55`,
    scrollbarSliderHoverBackground: `${tokens.muted}88`,
    scrollbarSliderActiveBackground: `${tokens.muted}aa`,
  };
}

/** Search matches: the selection colour, the active one the warning amber (xterm wants #RRGGBB). */
export function searchColors(tokens: TerminalTokens): { match: string; activeMatch: string } {
  const hex = (color: string, fallback: string): string => (/^#[0-9a-f]{6}$/i.test(color.trim()) ? color.trim() : fallback);
  return { match: hex(tokens.selection, '#2c3f63'), activeMatch: hex(tokens.warn, '#d29922') };
}
