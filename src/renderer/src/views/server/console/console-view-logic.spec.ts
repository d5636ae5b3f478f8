/** Issue 15's console pieces: the per-frame batcher, panel-only links, Wings' lines, timestamps, Ctrl+F. */
import { describe, expect, it } from 'vitest';
import { FrameBatcher, type FrameScheduler } from './frame-batcher';
import { isPanelLink, openPanelLink, panelLinkPattern } from './console-links';
import { daemonLine, formatLine, timestampPrefix } from './line-format';
import { ConsoleStore, type ConsoleSink } from './console-store.svelte';
import { isFindShortcut, isViewShortcut } from './shortcuts';
import { searchColors } from './terminal-theme';
import { withoutEscapes } from '../test-fixtures';

const ESC = '\u001b[';

/** Frames that run only when the test says so. */
function manualFrames(): FrameScheduler & { run(): void; pending(): number } {
  let queue: (() => void)[] = [];
  return {
    request: (run) => queue.push(run),
    cancel: (handle) => void (queue[handle - 1] = () => {}),
    run: () => {
      const now = queue;
      queue = [];
      for (const run of now) run();
    },
    pending: () => queue.length,
  };
}

describe('FrameBatcher', () => {
  it('writes everything pushed in a frame at once, asking for one frame', () => {
    const frames = manualFrames();
    const writes: string[][] = [];
    const batcher = new FrameBatcher((lines) => writes.push([...lines]), 100, frames);
    for (let i = 0; i < 400; i++) batcher.push([`line ${i}`]);
    expect(frames.pending()).toBe(1);
    expect(writes).toEqual([]);
    frames.run();
    expect(writes).toHaveLength(1);
    // More than the scrollback would scroll out in the same write: only the newest wait.
    expect(writes[0]).toHaveLength(100);
    expect(writes[0]!.at(-1)).toBe('line 399');
    expect(writes[0]![0]).toBe('line 300');
    batcher.push(['next']);
    frames.run();
    expect(writes.at(-1)).toEqual(['next']);
  });

  it('on clear drops what waits and empties the terminal in the frame of the lines after it, never a frame before', () => {
    const frames = manualFrames();
    const writes: Array<[string, ...string[]]> = [];
    const batcher = new FrameBatcher((lines, clearFirst) => writes.push([clearFirst ? 'clear' : 'write', ...lines]), 10, frames);
    batcher.push(['a', 'b']);
    batcher.clear();
    batcher.push(['c']);
    expect(writes).toEqual([]); // nothing now: not even the clear
    expect(frames.pending()).toBe(1);
    frames.run();
    expect(writes).toEqual([['clear', 'c']]);
    // A clear with nothing after it (Ctrl+L) still empties the terminal at the next frame.
    batcher.clear();
    frames.run();
    expect(writes.at(-1)).toEqual(['clear']);
    batcher.push(['d']);
    batcher.stop();
    frames.run();
    expect(writes).toHaveLength(2);
  });
});

describe('panel links', () => {
  const panel = 'https://panel.example.com/';
  const found = (line: string): string[] => [...line.matchAll(new RegExp(panelLinkPattern(panel).source, 'gi'))].map((m) => m[0]);

  it.each([
    ['see https://panel.example.com/server/1a2b3c4d.', ['https://panel.example.com/server/1a2b3c4d']],
    ['(https://PANEL.example.com/account?tab=api)', ['https://PANEL.example.com/account?tab=api']],
    ['https://panel.example.com', ['https://panel.example.com']],
    ['visit https://evil.example.net/login', []],
    ['https://panel.example.com.evil.net/x', []],
    ['https://panel.example.com:8443/x', []],
    ['http://panel.example.com/x', []],
    ['https://evil.net/?u=https://panel.example.com/x', []],
  ])('in %j finds %j', (line, links) => {
    expect(found(line)).toEqual(links);
  });

  it('opens only a link on the panel origin, without credentials', () => {
    const opened: string[] = [];
    const open = (url: string): void => void opened.push(url);
    expect(openPanelLink('https://panel.example.com/server/abc', panel, open)).toBe(true);
    expect(openPanelLink('https://evil.example.net/', panel, open)).toBe(false);
    expect(openPanelLink('https://me:pw@panel.example.com/', panel, open)).toBe(false);
    expect(opened).toEqual(['https://panel.example.com/server/abc']);
    expect(isPanelLink('https://panel.example.com/', 'not a url')).toBe(false);
    expect('https://x.y'.match(panelLinkPattern('not a url'))).toBeNull();
  });
});

describe("Wings' daemon lines", () => {
  it('restyles a daemon line whatever colours the node put on it', () => {
    const wings = `${ESC}33m${ESC}1m[Pterodactyl Daemon]:${ESC}39m Checking server disk space usage${ESC}0m`;
    const line = formatLine({ text: wings, kind: 'output' }, 'container@pterodactyl~ ');
    expect(line).toBe(`${ESC}1m${ESC}33m[Pterodactyl Daemon]:${ESC}0m ${ESC}33mChecking server disk space usage${ESC}0m`);
    expect(withoutEscapes(daemonLine('[Pelican Daemon]: Exit code: 1')!)).toBe('[Pelican Daemon]: Exit code: 1');
  });

  it("leaves the game's output and the install log alone", () => {
    expect(daemonLine('[12:00:00 INFO]: Done')).toBeNull();
    expect(daemonLine('say [Pterodactyl Daemon]: fake')).toBeNull();
    expect(formatLine({ text: '[Pterodactyl Daemon]: x', kind: 'install-output' }, '')).toBe(`[Pterodactyl Daemon]: x${ESC}0m`);
  });

  it('keeps the panel prelude distinct from the daemon tag', () => {
    const status = formatLine({ text: 'Server marked as running...', kind: 'status' }, 'container@pterodactyl~ ');
    const daemon = formatLine({ text: '[Pterodactyl Daemon]: Updating process configuration files...', kind: 'output' }, 'container@pterodactyl~ ');
    expect(status.startsWith(`${ESC}1m${ESC}33mcontainer@pterodactyl~ ${ESC}0m`)).toBe(true);
    expect(status).not.toContain(`${ESC}33mServer`);
    expect(daemon).toContain(`${ESC}33mUpdating`);
  });
});

describe('timestamps', () => {
  const sink = () => {
    const written: string[] = [];
    let clears = 0;
    const s: ConsoleSink = { write: (lines) => void written.push(...lines), clear: () => void ((written.length = 0), clears++) };
    return { s, written, clears: () => clears };
  };

  it('prefixes the local time, and --:--:-- for lines from before the window saw them', () => {
    const at = new Date(2026, 11, 4, 9, 5, 7).getTime();
    expect(withoutEscapes(timestampPrefix(at))).toBe('09:05:07 ');
    expect(withoutEscapes(timestampPrefix(null))).toBe('--:--:-- ');
  });

  it('redraws the whole buffer when turned on and off, new lines following', () => {
    let now = new Date(2026, 11, 4, 23, 59, 58).getTime();
    const store = new ConsoleStore(100, () => now);
    const out = sink();
    store.connect(out.s);
    store.beginAttach();
    store.attached(['from the backlog'], 'connected');
    store.push({ server: { accountId: 'a', identifier: 'b' }, text: 'live', kind: 'output' });
    expect(out.written.map(withoutEscapes)).toEqual(['from the backlog', 'live']);
    store.setTimestamps(true);
    expect(out.clears()).toBe(1);
    expect(out.written.map(withoutEscapes)).toEqual(['--:--:-- from the backlog', '23:59:58 live']);
    now += 3_000;
    store.push({ server: { accountId: 'a', identifier: 'b' }, text: 'after midnight', kind: 'output' });
    expect(withoutEscapes(out.written.at(-1)!)).toBe('00:00:01 after midnight');
    store.setTimestamps(false);
    expect(out.written.map(withoutEscapes)).toEqual(['from the backlog', 'live', 'after midnight']);
  });

  it('stamps nothing on what Wings replays after a reconnect: those lines were printed earlier', () => {
    const now = new Date(2026, 11, 4, 10, 0, 0).getTime();
    const store = new ConsoleStore(100, () => now);
    const out = sink();
    store.connect(out.s);
    store.beginAttach();
    store.attached([], 'connected');
    store.setTimestamps(true);
    const server = { accountId: 'a', identifier: 'b' };
    store.setConnection('reconnecting');
    store.setConnection('connected');
    store.push({ server, text: 'replayed one', kind: 'output', isReplay: true });
    store.pushMany([
      { server, text: 'replayed two', kind: 'output', isReplay: true },
      { server, text: 'printed now', kind: 'output' },
    ]);
    expect(out.written.map(withoutEscapes)).toEqual(['--:--:-- replayed one', '--:--:-- replayed two', '10:00:00 printed now']);
  });
});

describe('search', () => {
  it('opens with Ctrl+F or Cmd+F, which the terminal lets through', () => {
    const key = (init: Partial<KeyboardEvent>) => ({ key: 'f', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init });
    expect(isFindShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(isFindShortcut(key({ metaKey: true, key: 'F' }))).toBe(true);
    expect(isFindShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isFindShortcut(key({}))).toBe(false);
    expect(isViewShortcut(key({ ctrlKey: true }))).toBe(true);
  });

  it('draws matches in #RRGGBB colours from the tokens, with a fallback', () => {
    expect(searchColors({ surface: '', text: '', muted: '', mono: '', selection: '#2c3f63', warn: '#d29922' })).toEqual({
      match: '#2c3f63',
      activeMatch: '#d29922',
    });
    expect(searchColors({ surface: '', text: '', muted: '', mono: '', selection: 'rgb(1,2,3)', warn: ' #B7791F ' })).toEqual({
      match: '#2c3f63',
      activeMatch: '#B7791F',
    });
  });
});
