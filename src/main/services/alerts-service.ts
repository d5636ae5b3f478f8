/**
 * Settings › Alerts behind the IPC handlers (issue 14): the channel book (settings in the store,
 * secrets in the keychain) and the dispatcher, joined into the views the page shows. Never returns
 * a secret: a view says whether the channel's secrets are set, nothing more.
 */
import { ChannelBook, type ChannelDraft } from '../../core/alerts/channel-book';
import { readChannelSecret } from '../../core/alerts/channel-secrets';
import { createAlertDispatcher, type AlertDispatcher, type AlertDispatcherOptions } from '../../core/alerts/dispatcher';
import type { ChannelConfig, TestOutcome } from '../../core/alerts/types';
import type { Disposer } from '../../core/util/deps';
import type { AlertChannelInput, AlertChannelView } from '../../shared/ipc/alerts';

/** Where a save would send alerts that they did not go before: what main asks the person about. */
export interface AlertDestination {
  name: string;
  kind: ChannelConfig['kind'];
  /** The receiver's host only: a webhook URL's path is its secret. */
  host: string;
}

export type AlertsServiceOptions = Omit<AlertDispatcherOptions, 'channels' | 'onStatusChanged'>;

export class AlertsService {
  readonly book: ChannelBook;
  readonly dispatcher: AlertDispatcher;
  readonly #listeners = new Set<() => void>();
  readonly #secrets: AlertsServiceOptions['secrets'];

  constructor(options: AlertsServiceOptions) {
    this.#secrets = options.secrets;
    this.book = new ChannelBook({ db: options.db, secrets: options.secrets, logger: options.logger });
    this.dispatcher = createAlertDispatcher({ ...options, channels: () => this.book.list(), onStatusChanged: () => this.#changed() });
  }

  /** Called when any channel's status or settings changed. */
  onChange(listener: () => void): Disposer {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async views(): Promise<AlertChannelView[]> {
    return Promise.all(this.book.list().map((config) => this.#view(config)));
  }

  /**
   * The new destination a save would add (a new channel, or a changed URL, topic or ntfy server),
   * or null when it sends nowhere new. Read before saving, so main can ask first.
   */
  async destinationOf(input: AlertChannelInput): Promise<AlertDestination | null> {
    await this.book.check(draftOf(input)); // A refusal comes before any question.
    const { config, secret } = input;
    const before = config.id === undefined ? undefined : this.book.list().find((c) => c.id === config.id);
    const stored = before ? await readChannelSecret(this.#secrets, before.id) : {};
    const url = config.kind === 'ntfy' ? (config.ntfy?.server ?? '') : (secret?.url ?? stored.url ?? '');
    const isNew =
      !before ||
      before.kind !== config.kind ||
      (secret?.url !== undefined && secret.url !== stored.url) ||
      (secret?.topic !== undefined && secret.topic !== stored.topic) ||
      (config.kind === 'ntfy' && before.ntfy?.server !== config.ntfy?.server);
    if (!isNew) return null;
    return { name: config.name.trim(), kind: config.kind, host: hostOf(url) };
  }

  async save(input: AlertChannelInput): Promise<AlertChannelView> {
    const config = await this.book.save(draftOf(input));
    this.dispatcher.wake();
    this.#changed();
    return this.#view(config);
  }

  async remove(channelId: string): Promise<void> {
    await this.book.remove(channelId);
    this.dispatcher.forgetChannel(channelId);
    this.#changed();
  }

  test(channelId: string): Promise<TestOutcome> {
    return this.dispatcher.sendTest(channelId);
  }

  dispose(): void {
    this.dispatcher.dispose();
    this.#listeners.clear();
  }

  async #view(config: ChannelConfig): Promise<AlertChannelView> {
    return { config, status: this.dispatcher.status(config.id), hasSecret: await this.book.hasSecret(config) };
  }

  #changed(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

function draftOf(input: AlertChannelInput): ChannelDraft {
  return input.secret ? { config: input.config, secret: input.secret } : { config: input.config };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an address that is not a URL';
  }
}
