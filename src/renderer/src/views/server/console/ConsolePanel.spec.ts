import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ConsolePanel from './ConsolePanel.svelte';
import { ServerSession } from '../server-session.svelte';
import { mockApi } from '../../../../test/mock-api';
import { t } from '../../../lib/strings';
import { OTHER_REF, REF, serverView, withoutEscapes } from '../test-fixtures';
import type { TerminalOptions } from './terminal-adapter';
import { appState } from '../../../lib/state/app-state.svelte';
import { makeAccount } from '../../../../test/view-models';

const term = vi.hoisted(() => ({
  options: null as TerminalOptions | null,
  lines: [] as string[],
  clears: 0,
  scrolledToBottom: 0,
  isDisposed: false,
  finds: [] as [string, string][],
  searchCleared: 0,
}));
vi.mock('./terminal-adapter', () => ({
  createTerminal: (options: TerminalOptions) => {
    term.options = options;
    return {
      writeLines: (lines: readonly string[]) => void term.lines.push(...lines),
      clear: () => ((term.lines = []), term.clears++),
      fit() {},
      setTheme() {},
      scrollToBottom: () => void term.scrolledToBottom++,
      find: (query: string, direction: string) => void term.finds.push([query, direction]),
      clearSearch: () => void term.searchCleared++,
      dispose: () => void (term.isDisposed = true),
    };
  },
}));

const plain = () => term.lines.map(withoutEscapes);
const input = () => screen.getByRole('textbox', { name: t.console.inputLabel }) as HTMLInputElement;

let stop: () => void = () => {};

async function showConsole(server = serverView()) {
  const session = new ServerSession(REF, server.state);
  const view = render(ConsolePanel, { session, server });
  stop = session.start();
  await waitFor(() => expect(session.console.attachStatus).not.toBe('attaching'));
  return { session, view };
}

describe('ConsolePanel', () => {
  beforeEach(() => {
    Object.assign(term, { options: null, lines: [], clears: 0, scrolledToBottom: 0, isDisposed: false, finds: [], searchCleared: 0 });
    mockApi.answer('consoleAttach', { backlog: ['[INFO] Done (3.2s)!', '\u001b[31m[WARN] low memory'], connection: 'connected' });
    mockApi.answer('consoleHistory', ['list', 'say one']);
    mockApi.answer('statsHistory', []);
    mockApi.answer('consoleSend', undefined);
    mockApi.answer('consoleDetach', undefined);
    mockApi.answer('consoleCopy', undefined);
  });
  afterEach(() => stop());

  it('writes the backlog, then the lines of this server only, with their colours', async () => {
    await showConsole();
    expect(plain()).toEqual(['[INFO] Done (3.2s)!', '[WARN] low memory']);
    expect(term.lines[1]).toContain('\u001b[31m');
    await act(() => {
      mockApi.emit('console:line', { server: OTHER_REF, text: 'someone else', kind: 'output' });
      mockApi.emit('console:line', { server: REF, text: 'Server marked as stopping...', kind: 'status' });
      mockApi.emit('console:line', { server: REF, text: 'oops', kind: 'daemon-error' });
    });
    expect(plain()).toEqual(['[INFO] Done (3.2s)!', '[WARN] low memory', `${t.console.prelude}Server marked as stopping...`, `${t.console.prelude}oops`]);
    expect(term.lines.at(-1)).toContain('\u001b[41m');
    expect(screen.getByRole('region', { name: 'Console output of Alpha' })).toBeTruthy();
  });

  it('keeps the terminal bounded and read-only', async () => {
    await showConsole();
    expect(term.options?.scrollback).toBe(10_000);
  });

  it('shows the connection in the status strip', async () => {
    await showConsole();
    expect(screen.getByText('Connected')).toBeTruthy();
    await act(() => mockApi.emit('console:connection', { server: REF, connection: 'reconnecting' }));
    expect(screen.getByText(t.console.connection.reconnecting)).toBeTruthy();
    await act(() => mockApi.emit('console:connection', { server: OTHER_REF, connection: 'failed' }));
    expect(screen.getByText(t.console.connection.reconnecting)).toBeTruthy();
  });

  it('sends a command with Enter and clears the line', async () => {
    await showConsole();
    const user = userEvent.setup();
    await user.type(input(), 'say hello{Enter}');
    await waitFor(() => expect(mockApi.calls('consoleSend')).toEqual([[{ server: REF, command: 'say hello' }]]));
    await waitFor(() => expect(input().value).toBe(''));
  });

  it('shows a failed send inline, keeping the command', async () => {
    mockApi.fail('consoleSend', { code: 'server-offline', message: 'Server offline.' });
    await showConsole();
    const user = userEvent.setup();
    await user.type(input(), 'stop{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain(t.console.errors['server-offline']);
    expect(input().value).toBe('stop');
    await user.click(screen.getByRole('button', { name: t.console.dismiss }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('walks the server history with ↑ and ↓, keeping the line being typed', async () => {
    const { session } = await showConsole();
    await waitFor(() => expect(mockApi.calls('consoleHistory')).toEqual([[REF]]));
    await session.commands.load();
    const user = userEvent.setup();
    await user.type(input(), 'ti');
    await user.keyboard('{ArrowUp}');
    expect(input().value).toBe('say one');
    await user.keyboard('{ArrowUp}');
    expect(input().value).toBe('list');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input().value).toBe('ti');
  });

  it('does not offer to start a server that cannot be used (suspended)', async () => {
    await showConsole(serverView({ state: 'offline', availability: 'suspended' }));
    expect(input().disabled).toBe(true);
    expect(input().placeholder).toBe(t.console.unavailableHint);
  });

  it('disables the command line while the server is offline, and says how to fix it', async () => {
    await showConsole(serverView({ state: 'offline' }));
    expect(input().disabled).toBe(true);
    expect(input().placeholder).toBe(t.console.offlineHint);
    expect(screen.getByText(t.console.serverOffline)).toBeTruthy();
    expect((screen.getByRole('button', { name: t.console.send }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('clears the view with Ctrl+L and with the Clear button', async () => {
    await showConsole();
    await fireEvent.keyDown(window, { key: 'l', ctrlKey: true });
    expect(term.clears).toBe(1);
    expect(term.lines).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: t.console.clear }));
    expect(term.clears).toBe(2);
  });

  it('offers to jump to the newest output once the person scrolled up', async () => {
    await showConsole();
    expect(screen.queryByRole('button', { name: t.console.jumpToLatest })).toBeNull();
    await act(() => term.options?.onFollowChange(false));
    await fireEvent.click(screen.getByRole('button', { name: t.console.jumpToLatest }));
    expect(term.scrolledToBottom).toBe(1);
    expect(screen.queryByRole('button', { name: t.console.jumpToLatest })).toBeNull();
  });

  it('lets the view shortcuts through the terminal', async () => {
    await showConsole();
    expect(term.options?.isViewShortcut(new KeyboardEvent('keydown', { key: 'l', ctrlKey: true }))).toBe(true);
    expect(term.options?.isViewShortcut(new KeyboardEvent('keydown', { key: 'c', ctrlKey: true }))).toBe(false);
  });

  it('disposes the terminal when it closes', async () => {
    const { view } = await showConsole();
    view.unmount();
    expect(term.isDisposed).toBe(true);
  });

  // ── console (issue 15) ──
  it('searches the scrollback from Ctrl+F: typing finds, Enter and Shift+Enter step, Escape closes', async () => {
    await showConsole();
    expect(screen.queryByRole('searchbox')).toBeNull();
    await fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    const box = screen.getByRole('searchbox', { name: t.console.searchLabel });
    expect(document.activeElement).toBe(box);
    await userEvent.type(box, 'Do');
    expect(term.finds).toEqual([
      ['D', 'next'],
      ['Do', 'next'],
    ]);
    await act(() => term.options!.onSearchResult({ index: 2, count: 5 }));
    expect(screen.getByText('2 of 5')).toBeTruthy();
    await fireEvent.keyDown(box, { key: 'Enter' });
    await fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(term.finds.slice(-2)).toEqual([
      ['Do', 'next'],
      ['Do', 'previous'],
    ]);
    await act(() => term.options!.onSearchResult({ index: 0, count: 0 }));
    expect(screen.getByText(t.console.searchCount(0, 0))).toBeTruthy();
    await fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(term.searchCleared).toBe(1);
    // The strip's Find button opens it too.
    await fireEvent.click(screen.getByRole('button', { name: t.console.find }));
    expect(screen.getByRole('searchbox')).toBeTruthy();
  });

  it('redraws with timestamps when asked, and without when not', async () => {
    await showConsole();
    const toggle = screen.getByRole('checkbox', { name: t.console.timestamps });
    await fireEvent.click(toggle);
    expect(plain()).toEqual(['--:--:-- [INFO] Done (3.2s)!', '--:--:-- [WARN] low memory']);
    await act(() => mockApi.emit('console:line', { server: REF, text: 'live line', kind: 'output' }));
    expect(plain().at(-1)).toMatch(/^\d\d:\d\d:\d\d live line$/);
    await fireEvent.click(toggle);
    expect(plain()).toEqual(['[INFO] Done (3.2s)!', '[WARN] low memory', 'live line']);
  });

  it('copies a selection through main, and says so when main refuses', async () => {
    await showConsole();
    await act(() => term.options!.onSelectionCopied('Done (3.2s)!'));
    expect(mockApi.bridge.consoleCopy).toHaveBeenCalledWith({ text: 'Done (3.2s)!' });
    mockApi.fail('consoleCopy', { code: 'cancelled', message: 'Select the text in the console with the mouse to copy it.' });
    await act(() => term.options!.onSelectionCopied('x'));
    expect((await screen.findByRole('alert')).textContent).toContain('Select the text in the console with the mouse');
  });

  it("links only the server's own panel", async () => {
    appState.accounts = [makeAccount({ id: REF.accountId, url: 'https://panel.example.com/' })];
    await showConsole();
    const pattern = term.options!.linkPattern;
    expect('see https://panel.example.com/server/1a2b3c4d'.match(pattern)?.[0]).toBe('https://panel.example.com/server/1a2b3c4d');
    expect('see https://elsewhere.example.net/server/1a2b3c4d'.match(pattern)).toBeNull();
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    term.options!.onLinkActivated('https://panel.example.com/server/1a2b3c4d');
    term.options!.onLinkActivated('https://elsewhere.example.net/');
    expect(opened.mock.calls.map((call) => call[0])).toEqual(['https://panel.example.com/server/1a2b3c4d']);
    opened.mockRestore();
    appState.accounts = [];
  });
});
