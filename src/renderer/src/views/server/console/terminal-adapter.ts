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
import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import '@xterm/xterm/css/xterm.css';
import { mirrorInlineStyles, withInertStyleElements } from './inline-style-bridge';
import { FrameBatcher } from './frame-batcher';
import { styleRowsThroughCssom } from './row-style-bridge';

export interface TerminalOptions {
  host: HTMLElement;
  scrollback: number;
  theme: ITheme;
  fontFamily: string;
  /** Tells when the view leaves or reaches the newest line (the user scrolled up, or back). */
  onFollowChange: (isFollowing: boolean) => void;
  /** Keys the terminal must not keep (the view's shortcuts); true lets them bubble. */
  isViewShortcut: (event: KeyboardEvent) => boolean;
  /** Links the terminal underlines and opens on a click (the panel's own origin): see console-links.ts. */
  linkPattern: RegExp;
  onLinkActivated: (uri: string) => void;
  /** The selected text, each time a selection ends (copy on select). */
  onSelectionCopied: (text: string) => void;
  /** Where a search stands after each find (the active match of how many). */
  onSearchResult: (result: SearchResult) => void;
  /** Search matches drawn on the text; the active one brighter. */
  searchColors: { match: string; activeMatch: string };
}

/** Where a search stands: the active match (1-based) of how many; 0 of 0 for none. */
export interface SearchResult {
  index: number;
  count: number;
}

export interface TerminalHandle {
  /** Writes whole lines (each gets its line break). */
  writeLines(lines: readonly string[]): void;
  clear(): void;
  fit(): void;
  setTheme(theme: ITheme): void;
  scrollToBottom(): void;
  /** Finds the next (or previous) match of `query`, case-insensitively, and scrolls to it. */
  find(query: string, direction: 'next' | 'previous'): void;
  clearSearch(): void;
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
    // The search addon's match highlights are decorations, still a proposed API in xterm 6.
    allowProposedApi: true,
    cursorStyle: 'bar',
    cursorInactiveStyle: 'none',
    cursorBlink: false,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  // Search in the scrollback (@xterm/addon-search: xterm's own, released with it).
  const search = new SearchAddon({ highlightLimit: 1000 });
  term.loadAddon(search);
  // Links: only those the pattern finds (the panel's origin) are underlined and clickable.
  term.loadAddon(
    new WebLinksAddon(
      (event, uri) => {
        event.preventDefault();
        opts.onLinkActivated(uri);
      },
      { urlRegex: opts.linkPattern },
    ),
  );
  term.attachCustomKeyEventHandler((event) => !opts.isViewShortcut(event));
  withInertStyleElements(opts.host.ownerDocument, () => term.open(opts.host));
  styleRowsThroughCssom(term);
  fit.fit();

  let isFollowing = true;
  const check = (): void => {
    const buffer = term.buffer.active;
    const next = buffer.viewportY >= buffer.baseY;
    if (next === isFollowing) return;
    isFollowing = next;
    opts.onFollowChange(next);
  };
  const searchListener = opts.onSearchResult;
  const copyOnSelect = (): void => {
    const text = term.getSelection();
    if (text !== '') opts.onSelectionCopied(text);
  };
  // A selection ends with the mouse button's release; the terminal's selection event fires on every move.
  const screenElement = opts.host;
  screenElement.addEventListener('mouseup', copyOnSelect);
  const subscriptions = [
    term.onScroll(check),
    term.onWriteParsed(check),
    search.onDidChangeResults(({ resultIndex, resultCount }) => searchListener({ index: resultCount === 0 ? 0 : resultIndex + 1, count: resultCount })),
  ];
  // Outlines, not backgrounds: xterm's DOM renderer paints a decoration's background as a style
  // attribute on each cell (DomRendererRowFactory), which the CSP blocks; an outline is set on the
  // decoration's own element through CSSOM, which it allows. The active match is also selected.
  const decorations = {
    matchBorder: opts.searchColors.match,
    activeMatchBorder: opts.searchColors.activeMatch,
    matchOverviewRuler: opts.searchColors.match,
    activeMatchColorOverviewRuler: opts.searchColors.activeMatch,
  };
  // One write per animation frame, however many lines arrived (frame-batcher.ts).
  const batcher = new FrameBatcher((lines, clearFirst) => {
    if (clearFirst) term.clear();
    if (lines.length > 0) term.write(`${lines.join('\r\n')}\r\n`);
  }, opts.scrollback);

  return {
    writeLines: (lines) => batcher.push(lines),
    clear: () => {
      search.clearDecorations();
      batcher.clear();
    },
    fit: () => fit.fit(),
    setTheme: (theme) => (term.options.theme = theme),
    scrollToBottom: () => term.scrollToBottom(),
    find: (query, direction) => {
      if (query === '') {
        search.clearDecorations();
        searchListener({ index: 0, count: 0 });
        return;
      }
      const options = { caseSensitive: false, decorations };
      const found = direction === 'next' ? search.findNext(query, options) : search.findPrevious(query, options);
      if (!found) searchListener({ index: 0, count: 0 });
    },
    clearSearch: () => search.clearDecorations(),
    dispose: () => {
      batcher.stop();
      screenElement.removeEventListener('mouseup', copyOnSelect);
      for (const s of subscriptions) s.dispose();
      term.dispose();
      stopMirror();
    },
  };
}
