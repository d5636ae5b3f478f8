import { afterEach, describe, expect, it, vi } from 'vitest';
import { SERVER_TABS, tabForKey, tabForShortcut } from './server-tabs';
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

  it('maps Ctrl/Cmd+1..4 to the tabs and ignores other chords', () => {
    expect(SERVER_TABS.map((_, i) => tabForShortcut(key(String(i + 1), { ctrlKey: true })))).toEqual([...SERVER_TABS]);
    expect(tabForShortcut(key('3', { metaKey: true }))).toBe('stats');
    expect(tabForShortcut(key('5', { ctrlKey: true }))).toBeNull();
    expect(tabForShortcut(key('1'))).toBeNull();
    expect(tabForShortcut(key('1', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });
});

describe('availability banner', () => {
  const server = (availability: ServerView['availability']) => ({ availability, node: 'node-7' });

  it('says nothing for a usable server on a usable account', () => {
    expect(bannerFor(server('ok'), 'ok')).toBeNull();
    expect(bannerFor(server('ok'), 'checking')).toBeNull();
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
    expect(bannerFor(server(availability), 'ok')).toMatchObject({ title, tone });
  });

  it('names the node when it cannot be reached', () => {
    expect(bannerFor(server('node-unreachable'), 'ok')?.detail).toContain('node-7');
  });

  it('explains an account problem on an otherwise usable server', () => {
    expect(bannerFor(server('ok'), 'key-revoked')).toMatchObject({ tone: 'danger', detail: 'The key was revoked' });
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
