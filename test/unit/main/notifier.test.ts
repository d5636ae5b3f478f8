/**
 * The notifier on each desktop, in-process on the Electron double's Notification: Windows toasts
 * stay clickable from Action Center after they time out; a refusal by the system (macOS unsigned,
 * a failing daemon) is reported once and cleared when a notification shows again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../../src/core/rules/notification-policy';
import type { NotificationStatus } from '../../../src/shared/types';
import { installFakeContext } from '../electron-double/fake-context';

vi.mock('electron', async () => import('../../electron-double/runtime/notification'));

const { Notifier, toastXml } = await import('../../../src/main/notifications/notifier');
const double = await import('../../electron-double/runtime/notification');

const notice = (n: number): Notice => ({
  kind: 'crash',
  key: `crash:${n}`,
  title: `Server ${n} crashed`,
  body: 'Open the console <to see why> & more.',
  urgency: 'critical',
  target: { accountId: 'a1', identifier: `s${n}` },
});
const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
/** The double emits a notification's events on the next macrotask, as the desktop answers. */
const nextEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const last = () => double.notificationRecords().at(-1)!;

function notifierOn(platform: NodeJS.Platform) {
  process.env.PTEROTRAY_DOUBLE_PLATFORM = platform;
  const clicks: Notice[] = [];
  const statuses: NotificationStatus[] = [];
  const notifier = new Notifier({ logger, platform, onClick: (n) => clicks.push(n), onStatus: (s) => statuses.push(s) });
  return { notifier, clicks, statuses };
}

beforeEach(() => {
  installFakeContext();
});

afterEach(() => {
  delete process.env.PTEROTRAY_DOUBLE_PLATFORM;
  delete process.env.PTEROTRAY_DOUBLE_SIGNED;
  delete process.env.PTEROTRAY_DOUBLE_FAIL_NOTIFICATIONS;
});

describe('on Windows', () => {
  it('opens the notice when its toast is clicked from Action Center after it timed out', async () => {
    const { notifier, clicks } = notifierOn('win32');
    notifier.show(notice(1));
    await nextEvents();
    const record = last();
    expect(record.title).toBe('Server 1 crashed');
    expect(record.body).toBe('Open the console <to see why> & more.');
    expect(record.launchArguments).toMatch(/^pterotray-notice=\d+$/);
    double.expireNotification(record.index);
    await nextEvents();
    expect(record.events).toEqual(['show', 'close']);
    expect(record.state).toBe('in-action-center');
    double.clickNotification(record.index);
    expect(record.events).toContain('activation');
    expect(clicks.map((n) => n.key)).toEqual(['crash:1']);
  });

  it('delivers a click on the toast itself once', async () => {
    const { notifier, clicks } = notifierOn('win32');
    notifier.show(notice(2));
    await nextEvents();
    double.clickNotification(last().index);
    expect(clicks.map((n) => n.key)).toEqual(['crash:2']);
  });

  it('lets a toast go when the user dismisses it, and removes the rest from Action Center on dispose', async () => {
    const { notifier, clicks } = notifierOn('win32');
    notifier.show(notice(3));
    notifier.show(notice(4));
    await nextEvents();
    const [third, fourth] = double.notificationRecords().slice(-2);
    double.dismissNotification(third!.index);
    double.expireNotification(fourth!.index);
    await nextEvents();
    notifier.dispose();
    expect(fourth!.state).toBe('closed');
    expect(() => double.clickNotification(fourth!.index)).toThrow(/closed; a user cannot click it/);
    expect(clicks).toEqual([]);
  });

  it('builds a well-formed toast with the texts escaped', () => {
    expect(toastXml({ title: 'A & B', body: '<x>' }, 'pterotray-notice=7', 'C:\\icon.png')).toBe(
      '<toast launch="pterotray-notice=7"><visual><binding template="ToastGeneric"><text>A &amp; B</text><text>&lt;x&gt;</text><image id="1" placement="appLogoOverride" hint-crop="none" src="C:\\icon.png"/></binding></visual></toast>',
    );
  });
});

describe('when the system refuses notifications', () => {
  it('on macOS, unsigned: reports the refusal once, with the system’s reason', async () => {
    const { notifier, statuses } = notifierOn('darwin');
    notifier.show(notice(5));
    notifier.show(notice(6));
    await nextEvents();
    expect(
      double
        .notificationRecords()
        .slice(-2)
        .map((r) => r.state),
    ).toEqual(['failed', 'failed']);
    expect(statuses).toEqual([{ isBlocked: true, reason: double.MAC_UNSIGNED_ERROR, platform: 'darwin' }]);
    expect(notifier.status().isBlocked).toBe(true);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('clears the refusal when a notification shows again (signed, or allowed in System Settings)', async () => {
    const { notifier, statuses } = notifierOn('darwin');
    notifier.show(notice(7));
    await nextEvents();
    process.env.PTEROTRAY_DOUBLE_SIGNED = '1';
    notifier.show(notice(8));
    await nextEvents();
    expect(statuses.map((s) => s.isBlocked)).toEqual([true, false]);
    expect(notifier.status()).toEqual({ isBlocked: false, reason: null, platform: 'darwin' });
  });

  it('on Linux with a failing notification service: blocked, and the tray can say so', async () => {
    process.env.PTEROTRAY_DOUBLE_FAIL_NOTIFICATIONS = '1';
    const { notifier, statuses } = notifierOn('linux');
    notifier.show(notice(9));
    await nextEvents();
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({ isBlocked: true, platform: 'linux' });
  });

  it('a signed macOS app and Linux with a daemon are never blocked', async () => {
    process.env.PTEROTRAY_DOUBLE_SIGNED = '1';
    const mac = notifierOn('darwin');
    mac.notifier.show(notice(10));
    await nextEvents();
    const linux = notifierOn('linux');
    linux.notifier.show(notice(11));
    await nextEvents();
    expect([...mac.statuses, ...linux.statuses]).toEqual([]);
    expect(
      double
        .notificationRecords()
        .slice(-2)
        .map((r) => r.events),
    ).toEqual([['show'], ['show']]);
  });
});

describe('the text handed to Electron (issue 11, item 2)', () => {
  const hostile: Notice = {
    kind: 'failure',
    key: 'failure:power:a1/s1',
    title: '<a href="https://evil.example/">Lobby</a>\u202E crashed',
    body: '<a href="https://evil.example/login">Sign in</a> & more',
    urgency: 'normal',
    target: { accountId: 'a1', identifier: 's1' },
  };

  it('on Linux, escapes the body (libnotify passes markup on) and strips tags’ brackets from the title', async () => {
    const { notifier } = notifierOn('linux');
    notifier.show(hostile);
    await nextEvents();
    expect(last()).toMatchObject({
      title: 'a href="https://evil.example/"Lobby/a crashed',
      body: '&lt;a href="https://evil.example/login"&gt;Sign in&lt;/a&gt; &amp; more',
    });
  });

  it('on macOS, hands plain text as it is, cleaned of bidi controls', async () => {
    process.env.PTEROTRAY_DOUBLE_SIGNED = '1';
    const { notifier } = notifierOn('darwin');
    notifier.show(hostile);
    await nextEvents();
    expect(last()).toMatchObject({ title: '<a href="https://evil.example/">Lobby</a> crashed', body: hostile.body });
  });

  it('on Windows, puts the cleaned text in the toast, escaped once for XML', async () => {
    const { notifier } = notifierOn('win32');
    notifier.show(hostile);
    await nextEvents();
    const record = last();
    expect(record.title).toBe('<a href="https://evil.example/">Lobby</a> crashed');
    expect(record.toastXml).toContain('<text>&lt;a href=&quot;https://evil.example/&quot;&gt;Lobby&lt;/a&gt; crashed</text>');
    expect(record.toastXml).not.toContain('\u202E');
  });
});
