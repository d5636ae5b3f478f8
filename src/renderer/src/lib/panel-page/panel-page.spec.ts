import { describe, expect, it } from 'vitest';
import { IpcFailure } from '../../../../shared/ipc-failure';
import { Resource } from './resource.svelte';
import { failureText, waitText } from './failure-text';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Resource', () => {
  it('is loading before the first answer, then ready', async () => {
    const r = new Resource(async () => [1, 2]);
    expect(r.status).toBe('loading');
    await r.reload();
    expect(r.status).toBe('ready');
    expect(r.value).toEqual([1, 2]);
  });

  it('keeps the last value on screen when a reload fails, and says so', async () => {
    let fail = false;
    const r = new Resource(async () => {
      if (fail) throw new IpcFailure({ code: 'network', message: 'down' });
      return 'v1';
    });
    await r.reload();
    fail = true;
    await r.reload();
    expect(r.status).toBe('ready');
    expect(r.value).toBe('v1');
    expect(r.failure?.code).toBe('network');
  });

  it('is an error with no value, and forbidden (dropping the value) on a 403', async () => {
    let code: 'network' | 'forbidden' = 'network';
    let answer = false;
    const r = new Resource(async () => {
      if (answer) return 'seen';
      throw new IpcFailure({ code, message: 'x' });
    });
    await r.reload();
    expect(r.status).toBe('error');
    answer = true;
    await r.reload();
    answer = false;
    code = 'forbidden';
    await r.reload();
    expect(r.status).toBe('forbidden');
    expect(r.value).toBeUndefined();
  });

  it('drops an answer that arrives after a newer request started', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const answers = [first.promise, second.promise];
    const r = new Resource(() => answers.shift()!);
    const a = r.reload();
    const b = r.reload();
    second.resolve('new');
    await b;
    first.resolve('old');
    await a;
    expect(r.value).toBe('new');
    expect(r.isLoading).toBe(false);
  });
});

describe('failureText', () => {
  it('explains a 403 with the permission, not as a failure', () => {
    const text = failureText(new IpcFailure({ code: 'forbidden', message: 'This action is unauthorized.' }), 'delete this backup', 'backup.delete');
    expect(text).toContain('backup.delete');
    expect(text).toContain('delete this backup');
    expect(text).not.toContain('unauthorized');
  });

  it('says when a limit lets the next one through', () => {
    const now = Date.UTC(2026, 11, 3, 19, 0, 0);
    expect(failureText(new IpcFailure({ code: 'rate-limited', message: '', retryAfterMs: 40_000 }), 'create a backup', undefined, now)).toContain(
      'in 40 seconds',
    );
    expect(waitText(180_000, now)).toMatch(/^in 3 minutes \(at .+\)$/);
    expect(failureText(new IpcFailure({ code: 'rate-limited', message: '' }), 'create a backup')).toContain('Wait a moment');
  });

  it("keeps the panel's own words for a validation failure", () => {
    expect(failureText(new IpcFailure({ code: 'validation', message: 'The name field is required.' }), 'rename')).toBe('The name field is required.');
  });
});
