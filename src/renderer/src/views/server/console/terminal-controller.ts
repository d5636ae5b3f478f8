/**
 * One terminal's life outside Svelte: opened in its host, fed by the server's console store (its
 * buffer first, then live lines), themed from the design tokens, fitted to its container as it
 * resizes, and disposed with everything it started.
 */
import { createTerminal, type TerminalHandle } from './terminal-adapter';
import { CONSOLE_SCROLLBACK, type ConsoleStore } from './console-store.svelte';
import { TERMINAL_TOKENS, terminalTheme } from './terminal-theme';
import { readCssVars, watchTheme } from '../css-theme';
import { UpdateThrottle } from '../update-throttle';

// Refitting measures the DOM: a few times a second is plenty while a window is dragged.
const FIT_INTERVAL_MS = 100;

export interface TerminalControllerOptions {
  host: HTMLElement;
  store: ConsoleStore;
  onFollowChange: (isFollowing: boolean) => void;
  isViewShortcut: (event: KeyboardEvent) => boolean;
}

export class TerminalController {
  readonly #terminal: TerminalHandle;
  readonly #stops: (() => void)[] = [];

  constructor(opts: TerminalControllerOptions) {
    const tokens = readCssVars(TERMINAL_TOKENS);
    const terminal = createTerminal({
      host: opts.host,
      scrollback: CONSOLE_SCROLLBACK,
      theme: terminalTheme(tokens),
      fontFamily: tokens.mono,
      onFollowChange: opts.onFollowChange,
      isViewShortcut: opts.isViewShortcut,
    });
    this.#terminal = terminal;
    const fit = new UpdateThrottle(() => terminal.fit(), FIT_INTERVAL_MS);
    const resize = new ResizeObserver(() => fit.request());
    resize.observe(opts.host);
    this.#stops.push(
      opts.store.connect({ write: (lines) => terminal.writeLines(lines), clear: () => terminal.clear() }),
      watchTheme(() => terminal.setTheme(terminalTheme(readCssVars(TERMINAL_TOKENS)))),
      () => resize.disconnect(),
      () => fit.stop(),
    );
  }

  scrollToBottom(): void {
    this.#terminal.scrollToBottom();
  }

  destroy(): void {
    for (const stop of this.#stops.splice(0)) stop();
    this.#terminal.dispose();
  }
}
