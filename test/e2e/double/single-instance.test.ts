// One sim version is enough: no panel; it tests the single-instance lock across processes.
/**
 * The single-instance lock across real processes: a second app with the same userData gets false
 * and quits, the first hears 'second-instance' with its argv; a stale lock from a dead process
 * does not block the next start. No window is opened, so no browser starts.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchApp } from '../../electron-double/launch';

const MAIN = resolve('test/electron-double/fixtures/main.mjs');
const home = mkdtempSync(join(tmpdir(), 'electron-double-lock-'));
const lockFile = join(home, 'config', 'Double Fixture', 'SingletonLock');

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

describe('requestSingleInstanceLock', { timeout: 30_000 }, () => {
  it('hands a second instance to the first, which hears second-instance with argv', async () => {
    const first = await launchApp({ main: MAIN, home });
    await first.waitFor((s) => s.singleInstance.hasLock && s.trays.length === 1);
    const second = await launchApp({ main: MAIN, home, args: ['--from-test', 'open'] });
    const secondExit = await second.exited;
    expect(secondExit).toMatchObject({ code: 0, killed: false });
    expect(second.snapshot().singleInstance).toMatchObject({ requested: true, hasLock: false });
    expect(second.snapshot().trays).toEqual([]);
    await first.waitFor((s) => s.trays[0]?.tooltip === 'second instance: --from-test open');
    expect(first.snapshot().singleInstance.secondInstances).toEqual([
      { argv: [process.execPath, MAIN, '--from-test', 'open'], workingDirectory: process.cwd(), additionalData: { from: 'fixture' } },
    ]);
    expect(first.snapshot().lifecycle).toContain('second-instance');
    expect((await first.close()).code).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    mkdirSync(join(home, 'config', 'Double Fixture'), { recursive: true });
    writeFileSync(lockFile, JSON.stringify({ pid: 2 ** 22 + 1, socket: join(tmpdir(), 'gone.sock') }));
    const app = await launchApp({ main: MAIN, home });
    await app.waitFor((s) => s.singleInstance.hasLock && s.trays.length === 1);
    expect(app.chromiumPids()).toEqual([]);
    expect((await app.close()).code).toBe(0);
  });
});
