/**
 * Shows the notices the notification policy decided on, as native notifications. A click opens
 * the server in the window. References are kept until a notification closes: a notification
 * object that is garbage-collected no longer delivers its click.
 */
import { Notification } from 'electron';
import type { Notice } from '../../core/rules/notification-policy';
import type { Logger } from '../../core/util/deps';

export interface NotifierOptions {
  logger: Logger;
  onClick(notice: Notice): void;
  /** Path of the app icon shown in the notification (Linux and Windows). */
  iconPath?: string;
  /** The most notifications kept alive for their click; older ones are let go. */
  maxTracked?: number;
}

export class Notifier {
  readonly #options: NotifierOptions;
  readonly #live = new Set<Notification>();

  constructor(options: NotifierOptions) {
    this.#options = options;
  }

  show(notice: Notice): void {
    if (!Notification.isSupported()) {
      this.#options.logger.info('notifications: not supported on this desktop', { key: notice.key });
      return;
    }
    const notification = new Notification({
      title: notice.title,
      body: notice.body,
      urgency: notice.urgency,
      ...(this.#options.iconPath ? { icon: this.#options.iconPath } : {}),
    });
    const release = (): void => {
      this.#live.delete(notification);
    };
    notification.on('click', () => {
      release();
      this.#options.onClick(notice);
    });
    notification.on('close', release);
    notification.on('failed', (_event, error) => {
      release();
      this.#options.logger.warn('notifications: failed to show', { key: notice.key, error });
    });
    this.#live.add(notification);
    this.#trim();
    notification.show();
  }

  dispose(): void {
    for (const notification of this.#live) notification.close();
    this.#live.clear();
  }

  #trim(): void {
    const max = this.#options.maxTracked ?? 50;
    for (const old of this.#live) {
      if (this.#live.size <= max) break;
      this.#live.delete(old);
    }
  }
}
