import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDocument } from '../../core/settings/schema';
import { APP_PAUSE_READ_EVERY_MS, appPause } from './app-pause';

function settingsWith(pausedUntil: number | null): string {
  const doc = defaultDocument();
  doc.settings.notifications.pausedUntil = pausedUntil;
  return JSON.stringify(doc);
}

describe('appPause', () => {
  it('follows the app’s pause as the settings file changes, reading it at most every 10 s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pterotray-pause-'));
    let now = 1_000_000;
    const paused = appPause(dir, () => now);
    expect(paused()).toBe(false); // no settings file: nothing paused
    writeFileSync(join(dir, 'settings.json'), settingsWith(now + 3_600_000));
    expect(paused()).toBe(false); // read a moment ago
    now += APP_PAUSE_READ_EVERY_MS;
    expect(paused()).toBe(true);
    writeFileSync(join(dir, 'settings.json'), settingsWith(-1)); // "until resumed"
    now += APP_PAUSE_READ_EVERY_MS;
    expect(paused()).toBe(true);
    writeFileSync(join(dir, 'settings.json'), settingsWith(null));
    now += APP_PAUSE_READ_EVERY_MS;
    expect(paused()).toBe(false);
    writeFileSync(join(dir, 'settings.json'), '{ broken');
    now += APP_PAUSE_READ_EVERY_MS;
    expect(paused()).toBe(false);
  });

  it('a pause that ended is over without another read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pterotray-pause-'));
    let now = 1_000_000;
    writeFileSync(join(dir, 'settings.json'), settingsWith(now + 5_000));
    const paused = appPause(dir, () => now);
    expect(paused()).toBe(true);
    now += 5_000;
    expect(paused()).toBe(false);
  });
});
