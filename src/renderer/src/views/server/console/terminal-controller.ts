/**
 * One terminal's life outside Svelte: opened in its host, fed by the server's console store (its
 * buffer first, then live lines), themed from the design tokens, fitted to its container as it
 * resizes, and disposed with everything it started.
 */
import { createTerminal, type SearchResult, type TerminalHandle } from './terminal-adapter';
import type { ConsoleStore } from './console-store.svelte';
import { openPanelLink, panelLinkPattern } from './console-links';
import { TERMINAL_TOKENS, searchColors, terminalTheme } from './terminal-theme';
import { readCssVars, watchTheme } from '../css-theme';
import { UpdateThrottle } from '../update-throttle';

// Refitting measures the DOM: a few times a second is plenty while a window is dragged.
const FIT_INTERVAL_MS = 100;

export interface TerminalControllerOptions {
  host: HTMLElement;
  store: ConsoleStore;
  onFollowChange: (isFollowing: boolean) => void;
  isViewShortcut: (event: KeyboardEvent) => boolean;
  /** The server's panel: links to its origin are clickable, no others. */
  panelUrl: string;
  /** The selection, to the clipboard (copy on select). */
  copy: (text: string) => void;
  onSearchResult: (result: SearchResult) => void;
}

export class TerminalController {
  readonly #terminal: TerminalHandle;
  readonly #stops: (() => void)[] = [];

  constructor(opts: TerminalControllerOptions) {
    const tokens = readCssVars(TERMINAL_TOKENS);
    const terminal = createTerminal({
      host: opts.host,
      scrollback: opts.store.capacity,
      theme: terminalTheme(tokens),
      fontFamily: tokens.mono,
      onFollowChange: opts.onFollowChange,
      isViewShortcut: opts.isViewShortcut,
      linkPattern: panelLinkPattern(opts.panelUrl),
      onLinkActivated: (uri) => void openPanelLink(uri, opts.panelUrl),
      onSelectionCopied: opts.copy,
      searchColors: searchColors(tokens),
      onSearchResult: opts.onSearchResult,
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

  find(query: string, direction: 'next' | 'previous'): void {
    this.#terminal.find(query, direction);
  }

  clearSearch(): void {
    this.#terminal.clearSearch();
  }

  scrollToBottom(): void {
    this.#terminal.scrollToBottom();
  }

  destroy(): void {
    for (const stop of this.#stops.splice(0)) stop();
    this.#terminal.dispose();
  }
}
