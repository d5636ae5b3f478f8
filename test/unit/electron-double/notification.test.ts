/**
 * The double's Notification per platform, against Electron 45's source: a Windows toast that
 * times out stays in Action Center, and a click there reaches `Notification.handleActivation`
 * (replayed to a late registration) but emits no 'click' for Electron's default toast; macOS
 * refuses an unsigned app's notifications; 'close' has a reason on Windows only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivationArguments } from 'electron';
import {
  clickNotification,
  dismissNotification,
  expireNotification,
  MAC_UNSIGNED_ERROR,
  Notification,
  notificationRecords,
} from '../../electron-double/runtime/notification';
import { installFakeContext } from './fake-context';

const nextEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function shownOn(platform: string, options: ConstructorParameters<typeof Notification>[0] = { title: 'T', body: 'B' }) {
  process.env.PTEROTRAY_DOUBLE_PLATFORM = platform;
  const notification = new Notification(options);
  const heard: { name: string; args: unknown[] }[] = [];
  for (const name of ['show', 'click', 'close', 'failed']) notification.on(name, (...args: unknown[]) => heard.push({ name, args }));
  notification.show();
  return { notification, heard, record: notificationRecords().at(-1)! };
}

beforeEach(() => {
  installFakeContext();
});

afterEach(() => {
  delete process.env.PTEROTRAY_DOUBLE_PLATFORM;
  delete process.env.PTEROTRAY_DOUBLE_SIGNED;
});

describe('Windows toasts', () => {
  it("time out with 'close' (timedOut) into Action Center; a click there reaches handleActivation, not 'click'", async () => {
    const { heard, record } = shownOn('win32');
    await nextEvents();
    expireNotification(record.index);
    await nextEvents();
    expect(heard.map((h) => h.name)).toEqual(['show', 'close']);
    expect(heard[1]!.args[0]).toMatchObject({ reason: 'timedOut' });
    expect(record.state).toBe('in-action-center');
    clickNotification(record.index);
    await nextEvents();
    expect(heard.map((h) => h.name)).toEqual(['show', 'close']);
    // No handler yet: the activation is kept and replayed to the first registration.
    const activations: ActivationArguments[] = [];
    Notification.handleActivation!((details) => activations.push(details));
    expect(activations).toEqual([{ type: 'click', arguments: '', userInputs: {} }]);
  });

  it("emit 'click' from Action Center when the toast's launch arguments name the notification (type=click&tag=<id>)", async () => {
    const { heard, record } = shownOn('win32', {
      id: 'n-42',
      toastXml: '<toast launch="type=click&amp;tag=n-42"><visual><binding template="ToastGeneric"><text>Hi</text><text>There</text></binding></visual></toast>',
    });
    await nextEvents();
    expect(record).toMatchObject({ title: 'Hi', body: 'There', launchArguments: 'type=click&tag=n-42' });
    expireNotification(record.index);
    clickNotification(record.index);
    expect(heard.map((h) => h.name)).toEqual(['show', 'close', 'click']);
  });

  it('fail on a toast XML Windows cannot parse, and a user dismissal says userCanceled', async () => {
    const bad = shownOn('win32', { toastXml: '<toast><visual>' });
    const fine = shownOn('win32');
    await nextEvents();
    expect(bad.heard.map((h) => [h.name, h.args[1]])).toEqual([['failed', 'XML: Invalid XML, ERROR 0xC00CE556']]);
    dismissNotification(fine.record.index);
    expect(fine.heard.at(-1)).toMatchObject({ name: 'close', args: [{ reason: 'userCanceled' }] });
  });

  it('exist with handleActivation on Windows only, as in Electron', () => {
    process.env.PTEROTRAY_DOUBLE_PLATFORM = 'linux';
    expect(Notification.handleActivation).toBeUndefined();
    process.env.PTEROTRAY_DOUBLE_PLATFORM = 'win32';
    expect(typeof Notification.handleActivation).toBe('function');
  });
});

describe('macOS', () => {
  it("gives an unsigned app 'failed' for every notification; a signed one shows them", async () => {
    const unsigned = shownOn('darwin');
    process.env.PTEROTRAY_DOUBLE_SIGNED = '1';
    const signed = shownOn('darwin');
    await nextEvents();
    expect(unsigned.heard).toEqual([{ name: 'failed', args: [expect.anything(), MAC_UNSIGNED_ERROR] }]);
    expect(unsigned.record.state).toBe('failed');
    expect(signed.heard.map((h) => h.name)).toEqual(['show']);
    // A banner that times out moves to Notification Center: no event, still clickable.
    expireNotification(signed.record.index);
    clickNotification(signed.record.index);
    expect(signed.heard.map((h) => h.name)).toEqual(['show', 'click']);
  });
});

describe('Linux', () => {
  it('closes an expired notification with no reason (Electron gives one on Windows only)', async () => {
    const { heard, record } = shownOn('linux');
    await nextEvents();
    expireNotification(record.index);
    expect(heard.at(-1)).toEqual({ name: 'close', args: [expect.not.objectContaining({ reason: expect.anything() })] });
    expect(() => clickNotification(record.index)).toThrow(/closed; a user cannot click it/);
    const never = shownOn('linux', { title: 'stays', timeoutType: 'never' });
    expect(() => expireNotification(never.record.index)).toThrow(/timeoutType 'never'/);
  });
});
