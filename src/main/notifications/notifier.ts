/**
 * Shows the notices the notification policy decided on, as native notifications. A click opens
 * the server in the window. References are kept until the notification can no longer be clicked:
 * a notification object that is garbage-collected no longer delivers its click.
 *
 * Per desktop (Electron 45):
 * - Windows: a toast that times out emits 'close' (reason 'timedOut') and waits in Action Center,
 *   where it can still be clicked. That click comes through Electron's COM activator, which hands
 *   `Notification.handleActivation` the toast's launch arguments but emits no 'click' for the
 *   default toast (electron/electron#49002; windows_toast_activator.cc). So on Windows each toast
 *   is our own `toastXml` whose `launch` names the notice, and the activation callback finds it.
 * - macOS: since Electron 42 an app that is not code-signed gets 'failed' for every notification
 *   (docs/breaking-changes.md); Linux fails when no notification daemon answers. The first
 *   refusal is reported once through `onStatus`, and cleared when one is shown again.
 * - Text: every title and body goes to Electron through desktopText (desktop-text.ts), which
 *   escapes the body for libnotify's markup on Linux and cleans both everywhere.
 */
import { Notification } from 'electron';
import type { Notice } from '../../core/rules/notification-policy';
import type { Logger } from '../../core/util/deps';
import type { DesktopPlatform, NotificationStatus } from '../../shared/types';
import { desktopText } from './desktop-text';

export interface NotifierOptions {
  logger: Logger;
  onClick(notice: Notice): void;
  /** Called when the system starts or stops refusing notifications. */
  onStatus?(status: NotificationStatus): void;
  /** Path of the app icon shown in the notification (Linux and Windows). */
  iconPath?: string;
  /** The most notifications kept alive for their click; older ones are let go. */
  maxTracked?: number;
  /** Default: process.platform. */
  platform?: NodeJS.Platform;
}

interface Tracked {
  notification: Notification;
  notice: Notice;
}

/** The prefix of our toasts' launch arguments; what follows is the tracked id. */
const LAUNCH_PREFIX = 'pterotray-notice=';

function desktopPlatform(platform: NodeJS.Platform): DesktopPlatform {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other';
}

const xmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * Electron's default toast (GetToastXml: ToastGeneric, title and body texts, the icon as app logo)
 * with a `launch` that names the notice, so a click from Action Center says which one it was.
 */
export function toastXml(notice: Pick<Notice, 'title' | 'body'>, launch: string, iconPath?: string): string {
  const texts = [notice.title, notice.body].filter((text) => text.length > 0).map((text) => `<text>${xmlEscape(text)}</text>`);
  const image = iconPath ? `<image id="1" placement="appLogoOverride" hint-crop="none" src="${xmlEscape(iconPath)}"/>` : '';
  return `<toast launch="${xmlEscape(launch)}"><visual><binding template="ToastGeneric">${texts.join('')}${image}</binding></visual></toast>`;
}

export class Notifier {
  readonly #options: NotifierOptions;
  readonly #platform: NodeJS.Platform;
  readonly #live = new Map<string, Tracked>();
  #nextId = 1;
  #status: NotificationStatus;
  #disposed = false;

  constructor(options: NotifierOptions) {
    this.#options = options;
    this.#platform = options.platform ?? process.platform;
    this.#status = { isBlocked: false, reason: null, platform: desktopPlatform(this.#platform) };
    // Electron defines handleActivation on Windows only; one callback per app, replaced on call.
    if (this.#platform === 'win32') Notification.handleActivation((details) => this.#activated(details.arguments));
  }

  /** Whether the system shows notifications, as last seen. */
  status(): NotificationStatus {
    return { ...this.#status };
  }

  show(notice: Notice): void {
    if (!Notification.isSupported()) {
      this.#options.logger.info('notifications: not supported on this desktop', { key: notice.key });
      this.#setBlocked('Notifications are not supported on this desktop.');
      return;
    }
    const id = String(this.#nextId++);
    const isWindows = this.#platform === 'win32';
    // The one place text reaches Electron: escaped and cleaned for this desktop (desktop-text.ts).
    const text = desktopText(this.#platform, notice);
    const notification = new Notification({
      ...text,
      urgency: notice.urgency,
      ...(this.#options.iconPath ? { icon: this.#options.iconPath } : {}),
      ...(isWindows ? { toastXml: toastXml(text, `${LAUNCH_PREFIX}${id}`, this.#options.iconPath) } : {}),
    });
    const release = (): void => {
      this.#live.delete(id);
    };
    notification.on('show', () => this.#setShown());
    notification.on('click', () => this.#deliver(id));
    notification.on('close', (event) => {
      // A timed-out toast is in Action Center and can still be clicked there: keep it.
      if (isWindows && (event as { reason?: string }).reason === 'timedOut') return;
      release();
    });
    notification.on('failed', (_event, error) => {
      release();
      this.#setBlocked(error);
    });
    this.#live.set(id, { notification, notice });
    this.#trim();
    notification.show();
  }

  dispose(): void {
    this.#disposed = true;
    for (const { notification } of this.#live.values()) notification.close();
    this.#live.clear();
  }

  /** A click, from the bubble or from Action Center: delivered once, then the notice is let go. */
  #deliver(id: string): void {
    const tracked = this.#live.get(id);
    if (!tracked || this.#disposed) return;
    this.#live.delete(id);
    this.#options.onClick(tracked.notice);
  }

  #activated(args: string): void {
    if (!args.startsWith(LAUNCH_PREFIX)) {
      this.#options.logger.info('notifications: an activation that names no notice');
      return;
    }
    const id = args.slice(LAUNCH_PREFIX.length);
    if (!this.#live.has(id)) this.#options.logger.info('notifications: an activation for a notice no longer kept', { id });
    this.#deliver(id);
  }

  #setBlocked(reason: string): void {
    if (this.#status.isBlocked) return;
    this.#status = { ...this.#status, isBlocked: true, reason };
    this.#options.logger.warn('notifications: the system refuses them', { reason, platform: this.#status.platform });
    this.#options.onStatus?.(this.status());
  }

  #setShown(): void {
    if (!this.#status.isBlocked) return;
    this.#status = { ...this.#status, isBlocked: false, reason: null };
    this.#options.logger.info('notifications: the system shows them again');
    this.#options.onStatus?.(this.status());
  }

  #trim(): void {
    const max = this.#options.maxTracked ?? 50;
    for (const id of this.#live.keys()) {
      if (this.#live.size <= max) break;
      this.#live.delete(id);
    }
  }
}
