import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimWriter, holderText, lockPathOf } from '../../../../src/core/store/writer-lock';

function store(): string {
  return join(mkdtempSync(join(tmpdir(), 'pterotray-lock-')), 'history.sqlite');
}

const alive = (pids: number[]) => (pid: number) => pids.includes(pid);

describe('claimWriter', () => {
  it('takes a free lock (0600, with its pid and kind) and releases it', () => {
    const path = store();
    const claim = claimWriter(path, { kind: 'daemon', pid: 4242, now: () => 7, isAlive: alive([4242]) });
    expect(claim.ok).toBe(true);
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8'))).toEqual({ pid: 4242, kind: 'daemon', sinceMs: 7 });
    if (process.platform !== 'win32') expect(statSync(lockPathOf(path)).mode & 0o777).toBe(0o600);
    if (claim.ok) claim.lock.release();
    expect(existsSync(lockPathOf(path))).toBe(false);
  });

  it('refuses while a live process holds it, and says who', () => {
    const path = store();
    claimWriter(path, { kind: 'app', pid: 100, isAlive: alive([100, 200]) });
    const second = claimWriter(path, { kind: 'daemon', pid: 200, isAlive: alive([100, 200]) });
    expect(second).toMatchObject({ ok: false, holder: { pid: 100, kind: 'app' } });
    if (!second.ok) expect(holderText(second.holder)).toBe('the Pterotray app (pid 100)');
  });

  it('takes over a lock left by a process that is gone, or one it cannot read', () => {
    const path = store();
    claimWriter(path, { kind: 'app', pid: 100, isAlive: alive([100]) });
    const after = claimWriter(path, { kind: 'daemon', pid: 200, isAlive: alive([200]) }); // 100 crashed
    expect(after.ok).toBe(true);
    writeFileSync(lockPathOf(path), 'garbage');
    expect(claimWriter(path, { kind: 'app', pid: 300, isAlive: alive([200, 300]) }).ok).toBe(true);
  });

  it('a release by a process that lost the lock leaves the new holder’s', () => {
    const path = store();
    const first = claimWriter(path, { kind: 'app', pid: 100, isAlive: alive([100]) });
    claimWriter(path, { kind: 'daemon', pid: 200, isAlive: alive([200]) }); // took it over from a "dead" 100
    if (first.ok) first.lock.release();
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8'))).toMatchObject({ pid: 200 });
  });

  it('the real check: this test process is alive', () => {
    const path = store();
    claimWriter(path, { kind: 'app', pid: process.pid });
    expect(claimWriter(path, { kind: 'daemon', pid: process.pid + 1_000_000 })).toMatchObject({ ok: false, holder: { pid: process.pid } });
  });
});
