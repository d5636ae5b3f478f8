import { afterEach, describe, expect, it, vi } from 'vitest';
import { SERVER_TABS, can, tabForKey, tabForShortcut, visibleTabs } from './server-tabs';
import { acceptsCommands, bannerFor } from './availability';
import { currentUptimeMs } from './uptime';
import { UpdateThrottle } from './update-throttle';
import { luminance, withAlpha } from './css-theme';
import type { ServerView, StatsSample } from '../../../../shared/types';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('server tabs keyboard model', () => {
  it.each([
    ['console', 'ArrowRight', 'files'],
    ['notifications', 'ArrowRight', 'console'],
    ['console', 'ArrowLeft', 'notifications'],
    ['stats', 'ArrowUp', 'files'],
    ['files', 'Home', 'console'],
    ['files', 'End', 'notifications'],
    ['files', 'a', null],
  ] as const)('%s + %s → %s', (from, k, to) => {
    expect(tabForKey(from, k)).toBe(to);
  });

  it('moves over the tabs shown only', () => {
    const tabs = ['console', 'files', 'stats', 'activity', 'notifications'] as const;
    expect(tabForKey('stats', 'ArrowRight', tabs)).toBe('activity');
    expect(tabForKey('activity', 'ArrowLeft', tabs)).toBe('stats');
    expect(tabForKey('notifications', 'ArrowRight', tabs)).toBe('console');
  });

  it('maps Ctrl/Cmd+1..9 to the first nine tabs shown and ignores other chords', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => tabForShortcut(key(String(n), { ctrlKey: true })))).toEqual(SERVER_TABS.slice(0, 9));
    expect(tabForShortcut(key('3', { metaKey: true }))).toBe('stats');
    expect(tabForShortcut(key('4', { ctrlKey: true }), ['console', 'files', 'stats', 'notifications'])).toBe('notifications');
    expect(tabForShortcut(key('5', { ctrlKey: true }), ['console', 'files', 'stats', 'notifications'])).toBeNull();
    expect(tabForShortcut(key('0', { ctrlKey: true }))).toBeNull();
    expect(tabForShortcut(key('1'))).toBeNull();
    expect(tabForShortcut(key('1', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });
});

describe('tabs by permission', () => {
  const subuser = (...permissions: string[]) => ({ isOwner: false, permissions });

  it('shows the first four until the permissions are known, and every tab when they cannot be read', () => {
    expect(visibleTabs(null)).toEqual(['console', 'files', 'stats', 'notifications']);
    expect(visibleTabs('unknown')).toEqual([...SERVER_TABS]);
  });

  it('shows every tab to the owner and to a key with *', () => {
    expect(visibleTabs({ isOwner: true, permissions: [] })).toEqual([...SERVER_TABS]);
    expect(visibleTabs(subuser('*'))).toEqual([...SERVER_TABS]);
  });

  it('shows a panel page only with its read permission', () => {
    expect(visibleTabs(subuser('websocket.connect', 'backup.read', 'activity.read'))).toEqual([
      'console',
      'files',
      'stats',
      'backups',
      'activity',
      'timeline',
      'settings',
      'notifications',
    ]);
    expect(visibleTabs(subuser('backup.create'))).not.toContain('backups');
  });

  it('reads both spellings of the database password permission', () => {
    expect(can(subuser('database.view-password'), 'database.view_password')).toBe(true);
    expect(can(subuser('database.view_password'), 'database.view-password')).toBe(true);
    expect(can(subuser('database.read'), 'database.view_password')).toBe(false);
    expect(can(null, 'database.delete')).toBe(true);
  });
});

describe('availability banner', () => {
  const server = (availability: ServerView['availability']) => ({ availability, node: 'node-7' });

  it('says nothing for a usable server on a usable account', () => {
    expect(bannerFor(server('ok'), { status: 'ok' })).toBeNull();
    expect(bannerFor(server('ok'), { status: 'checking' })).toBeNull();
    expect(bannerFor(server('ok'), undefined)).toBeNull();
  });

  it.each([
    ['suspended', 'This server is suspended', 'warn'],
    ['installing', 'Running installer', 'warn'],
    ['install-failed', 'The installer failed', 'danger'],
    ['transferring', 'Transferring', 'warn'],
    ['restoring', 'Restoring from backup', 'warn'],
    ['node-maintenance', 'Node under maintenance', 'warn'],
    ['node-unreachable', 'The node cannot be reached', 'danger'],
    ['unknown', 'This server is unavailable', 'danger'],
  ] as const)('%s → "%s"', (availability, title, tone) => {
    expect(bannerFor(server(availability), { status: 'ok' })).toMatchObject({ title, tone });
  });

  it('names the node when it cannot be reached', () => {
    expect(bannerFor(server('node-unreachable'), { status: 'ok' })?.detail).toContain('node-7');
  });

  it('counts a rate limit down to when the panel answers again, as the dashboard does (issue 15b)', () => {
    const account = { status: 'rate-limited', retryAtMs: 100_000 } as const;
    expect(bannerFor(server('ok'), account, () => 58_000)?.detail).toBe(
      'The panel asked to wait before the next request (rate limit): it answers again in 42 s.',
    );
    expect(bannerFor(server('ok'), account, () => 99_500)?.detail).toMatch(/in 1 s\.$/);
    expect(bannerFor(server('ok'), account, () => 100_000)?.detail).toMatch(/should answer again now\.$/);
    expect(bannerFor(server('ok'), { status: 'rate-limited', retryAtMs: null }, () => 0)?.detail).toBe('The panel asked to wait before the next request.');
  });

  it('tells a screen reader when a rate limit ends as a clock time, the same at every second', () => {
    const retryAtMs = new Date(2026, 11, 4, 14, 3, 20).getTime();
    const account = { status: 'rate-limited', retryAtMs } as const;
    const early = bannerFor(server('ok'), account, () => retryAtMs - 42_000);
    const later = bannerFor(server('ok'), account, () => retryAtMs - 41_000);
    expect(early?.detail).not.toBe(later?.detail);
    expect(early?.spokenDetail).toBe(later?.spokenDetail);
    expect(early?.spokenDetail).toMatch(/^The panel asked to wait before the next request \(rate limit\): it answers again at .*03:20.*\.$/);
    // Other problems have nothing that ticks: no separate spoken line.
    expect(bannerFor(server('ok'), { status: 'key-revoked' })?.spokenDetail).toBeUndefined();
  });

  it('explains an account problem on an otherwise usable server', () => {
    expect(bannerFor(server('ok'), { status: 'key-revoked' })).toMatchObject({ tone: 'danger', detail: 'The key was revoked' });
  });

  it('lets commands through only when the server can take them', () => {
    expect(acceptsCommands({ availability: 'ok', state: 'running' })).toBe(true);
    expect(acceptsCommands({ availability: 'ok', state: 'offline' })).toBe(false);
    expect(acceptsCommands({ availability: 'suspended', state: 'running' })).toBe(false);
    expect(acceptsCommands({ availability: 'installing', state: 'starting' })).toBe(false);
  });
});

describe('uptime', () => {
  const sample = (at: number, uptimeMs: number): StatsSample => ({
    at,
    uptimeMs,
    cpuPercent: 0,
    memoryBytes: 0,
    diskBytes: 0,
    networkRxBytesPerSec: 0,
    networkTxBytesPerSec: 0,
  });
  const resources = (at: number, uptimeMs: number): ServerView['resources'] => ({
    at,
    uptimeMs,
    cpuPercent: 0,
    memoryBytes: 0,
    diskBytes: 0,
    networkRxBytes: 0,
    networkTxBytes: 0,
  });

  it('takes the newest of the polled resources and the live sample', () => {
    expect(currentUptimeMs({ state: 'running', resources: resources(1000, 5) }, sample(2000, 7))).toBe(7);
    expect(currentUptimeMs({ state: 'running', resources: resources(3000, 9) }, sample(2000, 7))).toBe(9);
    expect(currentUptimeMs({ state: 'running', resources: null }, null)).toBeNull();
  });

  it('has none while the server is offline', () => {
    expect(currentUptimeMs({ state: 'offline', resources: resources(1000, 5) }, sample(2000, 7))).toBeNull();
  });
});

describe('UpdateThrottle', () => {
  afterEach(() => vi.useRealTimers());

  it('runs at once, then collapses requests within the interval into one run at its end', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const throttle = new UpdateThrottle(run, 250, {
      now: () => Date.now(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    throttle.request();
    expect(run).toHaveBeenCalledTimes(1);
    throttle.request();
    throttle.request();
    throttle.request();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(250);
    expect(run).toHaveBeenCalledTimes(2);
    throttle.request();
    throttle.stop();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('css theme helpers', () => {
  it('adds alpha to hex colours and leaves others alone', () => {
    expect(withAlpha('#2f6fdf', 0.5)).toBe('rgba(47, 111, 223, 0.5)');
    expect(withAlpha('#fff', 0.1)).toBe('rgba(255, 255, 255, 0.1)');
    expect(withAlpha('red', 0.1)).toBe('red');
  });

  it('tells dark from light', () => {
    expect(luminance('#1e1f22')).toBeLessThan(0.05);
    expect(luminance('#ffffff')).toBeCloseTo(1);
  });
});
