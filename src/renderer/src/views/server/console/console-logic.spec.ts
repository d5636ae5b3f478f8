import { describe, expect, it, vi } from 'vitest';
import { CommandHistory } from './command-history';
import { formatLine, trimLineEnd } from './line-format';
import { downsampleTrueColor, nearest256 } from './true-color';
import { ConsoleStore, type ConsoleSink } from './console-store.svelte';
import { consoleStatus } from './console-status';
import { sendErrorMessage } from './send-errors';
import { CommandLine, type CommandApi } from './command-line.svelte';
import { isClearShortcut, isViewShortcut } from './shortcuts';
import { mirrorInlineStyles, withInertStyleElements } from './inline-style-bridge';
import { isDarkBackground, terminalTheme } from './terminal-theme';
import { IpcFailure } from '../../../../../shared/ipc-failure';
import { REF, withoutEscapes } from '../test-fixtures';

const ESC = '\u001b[';

describe('CommandHistory', () => {
  it('walks back with ↑ and forward with ↓, returning the line being typed', () => {
    const history = new CommandHistory();
    history.reset(['list', 'say hi', 'time set day']);
    expect(history.up('wea')).toBe('time set day');
    expect(history.up('time set day')).toBe('say hi');
    expect(history.up('say hi')).toBe('list');
    expect(history.up('list')).toBe('list');
    expect(history.down('list')).toBe('say hi');
    expect(history.down('say hi')).toBe('time set day');
    expect(history.down('time set day')).toBe('wea');
    expect(history.down('wea')).toBe('wea');
  });

  it('keeps a repeated command once, stays bounded and leaves an empty history alone', () => {
    const history = new CommandHistory(3);
    expect(history.up('x')).toBe('x');
    for (const c of ['a', 'b', 'b', 'c', 'd']) history.push(c);
    expect(history.entries).toEqual(['b', 'c', 'd']);
  });
});

describe('line format', () => {
  it('writes output as it came, without its line break', () => {
    expect(trimLineEnd('hello\r\n')).toBe('hello');
    expect(formatLine({ text: `${ESC}32mgreen\n`, kind: 'output' }, '> ')).toBe(`${ESC}32mgreen${ESC}0m`);
  });

  it('prints daemon lines after the prelude, errors on red and commands dimmed', () => {
    expect(formatLine({ text: 'Server marked as running...', kind: 'status' }, 'p~ ')).toBe(`${ESC}1m${ESC}33mp~ ${ESC}0mServer marked as running...${ESC}0m`);
    expect(formatLine({ text: 'boom', kind: 'daemon-error' }, 'p~ ')).toContain(`${ESC}41mboom`);
    expect(formatLine({ text: 'say hi', kind: 'command' }, 'p~ ')).toBe(`${ESC}2m> say hi${ESC}0m`);
  });

  it('turns 24-bit colours into 256 colours, which the strict CSP lets xterm paint', () => {
    expect(nearest256(255, 0, 0)).toBe(196);
    expect(nearest256(128, 128, 128)).toBe(244);
    expect(downsampleTrueColor(`${ESC}38;2;255;0;0mred ${ESC}1;48;2;0;0;255mblue`)).toBe(`${ESC}38;5;196mred ${ESC}1;48;5;21mblue`);
    expect(downsampleTrueColor(`${ESC}38:2::0:255:0mgreen`)).toBe(`${ESC}38;5;46mgreen`);
    expect(downsampleTrueColor(`${ESC}32mplain 2; text`)).toBe(`${ESC}32mplain 2; text`);
  });
});

function sink(): ConsoleSink & { lines: string[]; clears: number } {
  const s = { lines: [] as string[], clears: 0, write: (l: readonly string[]) => void s.lines.push(...l), clear: () => ((s.lines = []), s.clears++) };
  return s;
}
const plain = (lines: string[]) => lines.map(withoutEscapes);

describe('ConsoleStore', () => {
  it('writes the backlog, then lines pushed while attaching, then live lines', () => {
    const store = new ConsoleStore();
    const terminal = sink();
    store.connect(terminal);
    store.beginAttach();
    store.push({ server: REF, text: 'early', kind: 'output' });
    store.attached(['old 1', 'old 2'], 'connected');
    store.push({ server: REF, text: 'live', kind: 'output' });
    expect(plain(terminal.lines)).toEqual(['old 1', 'old 2', 'early', 'live']);
    expect(store.connection).toBe('connected');
    expect(store.lineCount).toBe(4);
  });

  it('replays its buffer to a terminal connected later (switching tabs loses nothing)', () => {
    const store = new ConsoleStore();
    store.attached(['a', 'b'], 'connected');
    const terminal = sink();
    const disconnect = store.connect(terminal);
    expect(plain(terminal.lines)).toEqual(['a', 'b']);
    disconnect();
    store.push({ server: REF, text: 'c', kind: 'output' });
    expect(plain(terminal.lines)).toEqual(['a', 'b']);
  });

  it('starts over on a new connection, because Wings replays its log', () => {
    const store = new ConsoleStore();
    const terminal = sink();
    store.connect(terminal);
    store.attached(['a'], 'connected');
    store.setConnection('reconnecting');
    store.push({ server: REF, text: 'b', kind: 'output' });
    store.setConnection('connected');
    expect(terminal.lines).toEqual([]);
    expect(terminal.clears).toBe(1);
  });

  it('drops a backlog made stale by a connection that opened while attaching', () => {
    const store = new ConsoleStore();
    const terminal = sink();
    store.connect(terminal);
    store.beginAttach();
    store.push({ server: REF, text: 'before', kind: 'output' });
    store.setConnection('connected');
    store.push({ server: REF, text: 'replayed', kind: 'output' });
    store.attached(['stale'], 'connecting');
    expect(plain(terminal.lines)).toEqual(['replayed']);
    expect(store.connection).toBe('connected');
  });

  it('keeps at most its scrollback', () => {
    const store = new ConsoleStore(100);
    store.attached([], 'connected');
    for (let i = 0; i < 1000; i++) store.push({ server: REF, text: `line ${i}`, kind: 'output' });
    const terminal = sink();
    store.connect(terminal);
    expect(terminal.lines).toHaveLength(100);
    expect(plain(terminal.lines).at(-1)).toBe('line 999');
    expect(store.lineCount).toBe(100);
  });

  it('clears the view and its terminal', () => {
    const store = new ConsoleStore();
    const terminal = sink();
    store.connect(terminal);
    store.attached(['a'], 'connected');
    store.clear();
    expect(store.lineCount).toBe(0);
    expect(terminal.clears).toBe(1);
  });
});

describe('console status strip', () => {
  const input = { attachStatus: 'attached' as const, attachError: null, connection: 'connected' as const, serverState: 'running' as const };

  it('follows the connection', () => {
    expect(consoleStatus(input)).toMatchObject({ tone: 'ok', text: 'Connected' });
    expect(consoleStatus({ ...input, connection: 'reconnecting' })).toMatchObject({ tone: 'busy', text: 'Connection lost, reconnecting…' });
    expect(consoleStatus({ ...input, attachStatus: 'attaching' })).toMatchObject({ text: 'Connecting to the console…' });
  });

  it('says the server is offline rather than "not connected"', () => {
    expect(consoleStatus({ ...input, connection: 'offline', serverState: 'offline' })).toMatchObject({ tone: 'off', text: 'The server is offline' });
  });

  it('shows a failed attach with its reason', () => {
    expect(consoleStatus({ ...input, attachStatus: 'failed', attachError: 'No such server.' })).toMatchObject({
      tone: 'danger',
      text: 'Could not open the console: No such server.',
    });
  });
});

describe('CommandLine', () => {
  function commandLine(api: Partial<CommandApi>) {
    return new CommandLine(REF, { consoleSend: vi.fn(async () => {}), consoleHistory: vi.fn(async () => []), ...api });
  }

  it('sends the trimmed command, clears the input and remembers it for ↑', async () => {
    const consoleSend = vi.fn(async () => {});
    const line = commandLine({ consoleSend });
    line.value = '  say hi ';
    await line.send();
    expect(consoleSend).toHaveBeenCalledWith({ server: REF, command: 'say hi' });
    expect(line.value).toBe('');
    line.previous();
    expect(line.value).toBe('say hi');
  });

  it('keeps the text and says what to do when sending fails', async () => {
    const line = commandLine({ consoleSend: vi.fn(async () => Promise.reject(new IpcFailure({ code: 'server-offline', message: 'offline' }))) });
    line.value = 'stop';
    await line.send();
    expect(line.value).toBe('stop');
    expect(line.error).toBe('The server is offline: start it, then send the command again.');
    expect(line.isSending).toBe(false);
  });

  it('does not send blank lines', async () => {
    const consoleSend = vi.fn(async () => {});
    const line = commandLine({ consoleSend });
    line.value = '   ';
    await line.send();
    expect(consoleSend).not.toHaveBeenCalled();
  });

  it('loads the server history, keeping commands sent meanwhile', async () => {
    let answer: (v: string[]) => void = () => {};
    const line = commandLine({ consoleHistory: vi.fn(() => new Promise<string[]>((r) => (answer = r))) });
    const loading = line.load();
    line.value = 'new';
    await line.send();
    answer(['old 1', 'old 2']);
    await loading;
    line.previous();
    expect(line.value).toBe('new');
    line.previous();
    expect(line.value).toBe('old 2');
  });

  it('words unknown failures with their message', () => {
    expect(sendErrorMessage(new IpcFailure({ code: 'internal', message: 'Oops.' }))).toBe('Could not send the command: Oops.');
  });
});

describe('shortcuts', () => {
  const ev = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

  it('clears with Ctrl+L or Cmd+L only', () => {
    expect(isClearShortcut(ev('l', { ctrlKey: true }))).toBe(true);
    expect(isClearShortcut(ev('L', { metaKey: true }))).toBe(true);
    expect(isClearShortcut(ev('l'))).toBe(false);
    expect(isClearShortcut(ev('l', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });

  it('lets the terminal pass the view shortcuts on', () => {
    expect(isViewShortcut(ev('2', { ctrlKey: true }))).toBe(true);
    expect(isViewShortcut(ev('c', { ctrlKey: true }))).toBe(false);
  });
});

describe('terminal theme', () => {
  it('follows the window colours and picks a palette readable on the background', () => {
    const dark = terminalTheme({ surface: '#26282c', text: '#e6e8eb', muted: '#9aa1aa', selection: '#2c3f63', mono: 'monospace', warn: '#d29922' });
    expect(dark).toMatchObject({ background: '#26282c', foreground: '#e6e8eb', yellow: '#e5e510' });
    expect(isDarkBackground('#ffffff')).toBe(false);
    expect(terminalTheme({ surface: '#ffffff', text: '#1f2328', muted: '#626a74', selection: '#dbe7fd', mono: 'monospace', warn: '#b7791f' }).yellow).toBe(
      '#949800',
    );
  });
});

describe('inline style bridge (xterm under the CSP)', () => {
  it('moves <style> elements out of the terminal into an adopted sheet and follows their changes', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const stop = mirrorInlineStyles(host);
    const sheets = document.adoptedStyleSheets.length;
    const style = document.createElement('style');
    style.textContent = '.xterm-fg-1 { color: red; }';
    host.append(style);
    await Promise.resolve();
    expect(host.querySelector('style')).toBeNull();
    const sheet = document.adoptedStyleSheets.at(-1)!;
    expect([...sheet.cssRules].map((r) => r.cssText).join()).toContain('xterm-fg-1');
    style.textContent = '.xterm-fg-2 { color: green; }';
    await Promise.resolve();
    expect([...sheet.cssRules].map((r) => r.cssText).join()).toContain('xterm-fg-2');
    stop();
    expect(document.adoptedStyleSheets.length).toBe(sheets - 1);
    host.remove();
  });

  it('hands out inert stand-ins for <style> while a library opens, and mirrors them too', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const stop = mirrorInlineStyles(host);
    const made = withInertStyleElements(document, () => {
      const style = document.createElement('style');
      host.append(style, document.createElement('span'));
      style.textContent = '.xterm-fg-3 { color: blue; }';
      return style;
    });
    expect(made.tagName).toBe('INLINE-STYLE');
    expect(document.createElement('style').tagName).toBe('STYLE');
    expect(Object.hasOwn(document, 'createElement')).toBe(false);
    await Promise.resolve();
    const sheet = document.adoptedStyleSheets.at(-1)!;
    expect([...sheet.cssRules].map((r) => r.cssText).join()).toContain('xterm-fg-3');
    expect(host.querySelector('span')).not.toBeNull();
    stop();
    host.remove();
  });
});
