/**
 * xterm.js behind a small interface, so components never touch it and tests can vi.mock this one
 * module (happy-dom has no layout for xterm to measure). The terminal is output only: commands
 * go through the separate command line, so stdin is disabled and keys it does not need bubble up.
 *
 * Styling under the strict CSP: the static rules come from xterm's own CSS file (bundled as a
 * stylesheet), and the rules it generates at run time reach the page through mirrorInlineStyles
 * (from inert stand-ins, so no violation is even reported).
 */
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { mirrorInlineStyles, withInertStyleElements } from './inline-style-bridge';

export interface TerminalOptions {
  host: HTMLElement;
  scrollback: number;
  theme: ITheme;
  fontFamily: string;
  /** Tells when the view leaves or reaches the newest line (the user scrolled up, or back). */
  onFollowChange: (isFollowing: boolean) => void;
  /** Keys the terminal must not keep (the view's shortcuts); true lets them bubble. */
  isViewShortcut: (event: KeyboardEvent) => boolean;
}

export interface TerminalHandle {
  /** Writes whole lines (each gets its line break). */
  writeLines(lines: readonly string[]): void;
  clear(): void;
  fit(): void;
  setTheme(theme: ITheme): void;
  scrollToBottom(): void;
  dispose(): void;
}

const FONT_SIZE_PX = 12;

/** Opens a read-only terminal in `host`. */
export function createTerminal(opts: TerminalOptions): TerminalHandle {
  // Before open(): xterm appends its <style> elements while opening.
  const stopMirror = mirrorInlineStyles(opts.host);
  const term = new Terminal({
    disableStdin: true,
    convertEol: true,
    scrollback: opts.scrollback,
    theme: opts.theme,
    fontFamily: opts.fontFamily,
    fontSize: FONT_SIZE_PX,
    cursorStyle: 'bar',
    cursorInactiveStyle: 'none',
    cursorBlink: false,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.attachCustomKeyEventHandler((event) => !opts.isViewShortcut(event));
  withInertStyleElements(opts.host.ownerDocument, () => term.open(opts.host));
  fit.fit();

  let isFollowing = true;
  const check = (): void => {
    const buffer = term.buffer.active;
    const next = buffer.viewportY >= buffer.baseY;
    if (next === isFollowing) return;
    isFollowing = next;
    opts.onFollowChange(next);
  };
  const subscriptions = [term.onScroll(check), term.onWriteParsed(check)];

  return {
    writeLines: (lines) => {
      if (lines.length > 0) term.write(`${lines.join('\r\n')}\r\n`);
    },
    clear: () => term.clear(),
    fit: () => fit.fit(),
    setTheme: (theme) => (term.options.theme = theme),
    scrollToBottom: () => term.scrollToBottom(),
    dispose: () => {
      for (const s of subscriptions) s.dispose();
      term.dispose();
      stopMirror();
    },
  };
}
