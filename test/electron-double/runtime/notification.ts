/**
 * Notification: every `show()` is recorded with what the user would see; the test can click,
 * dismiss or time out a shown one. Events are emitted asynchronously, as the desktop's
 * notification server answers Electron asynchronously. Per platform, as Electron 45 does it:
 *
 * - win32: a toast that times out emits 'close' with reason 'timedOut' and stays in Action Center
 *   (WindowsToastNotification's Dismissed handler → Notification::NotificationDismissed(false, …):
 *   the native notification is not destroyed). A click there comes through the COM activator
 *   (windows_toast_activator.cc HandleToastActivation) with the toast's `launch` arguments: it
 *   reaches `Notification.handleActivation`'s callback (stored until one is registered), and
 *   'click' on the object only when the arguments carry `tag=<its id>` — Electron's default toast
 *   has no `launch`, so its Action Center click emits no 'click' (electron/electron#49002).
 *   `handleActivation` exists on win32 only (lib/browser/api/notification.ts).
 * - darwin: since Electron 42 (UNNotification) an app that is not code-signed gets 'failed' for
 *   every notification (docs/breaking-changes.md, "macOS notifications now use UNNotification
 *   API"); the error is UNErrorDomain code 1's description (cocoa_notification.mm passes
 *   error.localizedDescription). The double plays an unsigned dev build unless launched with
 *   `signed: true`.
 * - 'close' carries `reason` on Windows only (docs/api/notification.md, Event: 'close').
 */
import { EventEmitter } from 'node:events';
import type { ActivationArguments, Notification as ElectronNotification, NotificationAction } from 'electron';
import type { NotificationRecord } from '../shared/snapshot';
import { doubleContext } from './context';
import { createEvent } from './event';
import type { NativeImage } from './native-image';
import { doublePlatform } from './platform';

/** What macOS answers an unsigned app's UNNotificationRequest (UNErrorCodeNotificationsNotAllowed). */
export const MAC_UNSIGNED_ERROR = 'Notifications are not allowed for this application';

/** What `new Notification(options)` accepts. */
export interface NotificationOptions {
  title?: string;
  subtitle?: string;
  body?: string;
  silent?: boolean;
  icon?: NativeImage | string;
  hasReply?: boolean;
  timeoutType?: 'default' | 'never';
  replyPlaceholder?: string;
  sound?: string;
  urgency?: 'normal' | 'critical' | 'low';
  actions?: NotificationAction[];
  closeButtonText?: string;
  toastXml?: string;
  id?: string;
}

interface Shown {
  record: NotificationRecord;
  owner: Notification;
}

const shown: Shown[] = [];
let activationHandler: ((details: ActivationArguments) => void) | undefined;
let pendingActivation: ActivationArguments | undefined;
let nextId = 1;

/** The signing the double plays: PTEROTRAY_DOUBLE_SIGNED=1 for a signed (and notarized) build. */
function isSigned(): boolean {
  return process.env.PTEROTRAY_DOUBLE_SIGNED === '1';
}

/** A toast XML's `launch` attribute and its texts (what Windows shows: title first, then body). */
function readToastXml(xml: string): { launch: string; texts: string[] } | null {
  if (!/^\s*<toast[\s>]/.test(xml) || !/<\/toast>\s*$/.test(xml)) return null;
  const unescape = (text: string): string =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const launch = /^\s*<toast[^>]*\slaunch="([^"]*)"/.exec(xml)?.[1] ?? '';
  const texts = [...xml.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1] ?? ''));
  return { launch: unescape(launch), texts };
}

/** HandleToastActivation's parse: `type=…&action=…&tag=…`, key=value pairs split on '&'. */
function parseActivation(args: string): { type: string; tag: string } {
  const pairs = new Map(
    args
      .split('&')
      .map((token) => token.split('='))
      .filter((kv) => kv.length === 2) as [string, string][],
  );
  return { type: pairs.get('type') ?? '', tag: pairs.get('tag') ?? '' };
}

type NotificationApi = Pick<
  ElectronNotification,
  'title' | 'subtitle' | 'body' | 'silent' | 'hasReply' | 'replyPlaceholder' | 'sound' | 'timeoutType' | 'urgency' | 'closeButtonText' | 'toastXml' | 'actions'
>;

/** The double's Notification. */
export class Notification extends EventEmitter implements NotificationApi {
  title: string;
  subtitle: string;
  body: string;
  silent: boolean;
  hasReply: boolean;
  replyPlaceholder: string;
  sound: string;
  timeoutType: 'default' | 'never';
  urgency: 'normal' | 'critical' | 'low';
  closeButtonText: string;
  toastXml: string;
  actions: NotificationAction[];
  readonly id: string;
  private readonly icon: NativeImage | string | undefined;
  private current: Shown | undefined;

  static isSupported(): boolean {
    return true;
  }

  /** Windows only, as in Electron: undefined on the other platforms. */
  static get handleActivation(): ((callback: (details: ActivationArguments) => void) => void) | undefined {
    if (doublePlatform() !== 'win32') return undefined;
    return (callback) => {
      activationHandler = callback;
      // An activation that came before registration is replayed once (SetActivationHandler).
      const pending = pendingActivation;
      pendingActivation = undefined;
      if (pending) callback(pending);
    };
  }

  constructor(options: NotificationOptions = {}) {
    super();
    this.title = options.title ?? '';
    this.subtitle = options.subtitle ?? '';
    this.body = options.body ?? '';
    this.silent = options.silent ?? false;
    this.hasReply = options.hasReply ?? false;
    this.replyPlaceholder = options.replyPlaceholder ?? '';
    this.sound = options.sound ?? '';
    this.timeoutType = options.timeoutType ?? 'default';
    this.urgency = options.urgency ?? 'normal';
    this.closeButtonText = options.closeButtonText ?? '';
    this.toastXml = options.toastXml ?? '';
    this.actions = options.actions ?? [];
    this.id = options.id ? options.id : `double-notification-${nextId++}`;
    this.icon = options.icon;
  }

  /** Showing again replaces the previous bubble with a new one, as Electron documents. */
  show(): void {
    if (this.current?.record.state === 'shown' || this.current?.record.state === 'in-action-center') this.current.record.state = 'replaced';
    const platform = doublePlatform();
    const toast = platform === 'win32' && this.toastXml ? readToastXml(this.toastXml) : undefined;
    const record: NotificationRecord = {
      index: shown.length,
      // A custom toast supersedes every other property (docs: toastXml): the user sees its texts.
      title: toast ? (toast.texts[0] ?? '') : this.title,
      subtitle: this.subtitle,
      body: toast ? toast.texts.slice(1).join('\n') : this.body,
      silent: this.silent,
      urgency: this.urgency,
      timeoutType: this.timeoutType,
      actions: this.actions.map((action) => ({ ...action })),
      hasReply: this.hasReply,
      state: 'shown',
      events: [],
    };
    if (this.icon !== undefined) record.icon = typeof this.icon === 'string' ? this.icon : this.icon.toRef();
    if (platform === 'win32') {
      record.launchArguments = toast?.launch ?? '';
      if (this.toastXml) record.toastXml = this.toastXml;
    }
    this.current = { record, owner: this };
    shown.push(this.current);
    doubleContext().recorder.touch();
    const failure = this.failure(platform, toast);
    if (failure !== null) {
      record.state = 'failed';
      setImmediate(() => this.emitRecorded(record, 'failed', failure));
      return;
    }
    setImmediate(() => this.emitRecorded(record, 'show'));
  }

  /** Why the desktop refuses this notification, or null when it shows it. */
  private failure(platform: string, toast: { launch: string } | null | undefined): string | null {
    if (platform === 'darwin' && !isSigned()) return MAC_UNSIGNED_ERROR;
    // WindowsToastNotification::CreateToastXmlDocument: "XML: Invalid XML, ERROR <hresult>".
    if (toast === null) return 'XML: Invalid XML, ERROR 0xC00CE556';
    // The launcher can make the desktop's notification service fail (e.g. no daemon running).
    if (process.env.PTEROTRAY_DOUBLE_FAIL_NOTIFICATIONS === '1') return 'electron-double: the notification service is failing';
    return null;
  }

  close(): void {
    const current = this.current;
    if (current?.record.state === 'in-action-center') {
      // After the first 'close', close() removes the toast from Action Center without a second 'close'.
      current.record.state = 'closed';
      doubleContext().recorder.touch();
      return;
    }
    if (current?.record.state !== 'shown') return;
    current.record.state = 'closed';
    doubleContext().recorder.touch();
    setImmediate(() => this.emitRecorded(current.record, 'close', doublePlatform() === 'win32' ? 'applicationHidden' : undefined));
  }

  /** Emits `name` and notes it on the record, so tests see which events the app could hear. */
  emitRecorded(record: NotificationRecord, name: 'show' | 'click' | 'close' | 'failed', detail?: string): void {
    record.events.push(name);
    doubleContext().recorder.touch();
    if (name === 'failed') this.emit(name, createEvent(), detail ?? 'failed');
    else this.emit(name, createEvent(detail ? { reason: detail } : {}));
  }
}

/** Every shown notification, oldest first. */
export function notificationRecords(): NotificationRecord[] {
  return shown.map((entry) => entry.record);
}

function shownAt(index: number, verb: string, allowed: NotificationRecord['state'][] = ['shown']): Shown {
  const entry = shown[index];
  if (!entry) throw new Error(`no notification #${index} was shown`);
  if (!allowed.includes(entry.record.state)) throw new Error(`notification #${index} is ${entry.record.state}; a user cannot ${verb} it`);
  return entry;
}

/**
 * A user clicking the bubble: 'click', and the bubble goes away. On Windows a toast waiting in
 * Action Center can be clicked too: that is a COM activation with the toast's launch arguments.
 */
export function clickNotification(index: number): void {
  const entry = shownAt(index, 'click', ['shown', 'in-action-center']);
  const fromActionCenter = entry.record.state === 'in-action-center';
  entry.record.state = 'clicked';
  if (!fromActionCenter) {
    entry.owner.emitRecorded(entry.record, 'click');
    return;
  }
  const args = entry.record.launchArguments ?? '';
  const details: ActivationArguments = { type: 'click', arguments: args, userInputs: {} };
  if (activationHandler) {
    entry.record.events.push('activation');
    activationHandler(details);
  } else {
    pendingActivation = details;
  }
  doubleContext().recorder.touch();
  const { type, tag } = parseActivation(args);
  // Then the Notification whose id the arguments name, if its native toast is still there.
  const live = (candidate: Shown): boolean => candidate === entry || candidate.record.state === 'shown' || candidate.record.state === 'in-action-center';
  const target = tag ? shown.find((candidate) => candidate.owner.id === tag && live(candidate)) : undefined;
  if (target && (type === 'click' || type === '')) target.owner.emitRecorded(entry.record, 'click');
}

/** A user dismissing the bubble (or clearing it from Action Center, which emits nothing more). */
export function dismissNotification(index: number): void {
  const entry = shownAt(index, 'dismiss', ['shown', 'in-action-center']);
  const wasShown = entry.record.state === 'shown';
  entry.record.state = 'closed';
  if (wasShown) entry.owner.emitRecorded(entry.record, 'close', doublePlatform() === 'win32' ? 'userCanceled' : undefined);
  else doubleContext().recorder.touch();
}

/**
 * The desktop's timeout: on Windows the toast goes to Action Center ('close', reason timedOut);
 * on Linux the notification server closes it ('close'); on macOS the banner moves to
 * Notification Center with no event and can still be clicked. A `timeoutType: 'never'`
 * notification does not time out (a reminder toast; NOTIFY_EXPIRES_NEVER).
 */
export function expireNotification(index: number): void {
  const entry = shownAt(index, 'time out');
  if (entry.record.timeoutType === 'never') throw new Error(`notification #${index} has timeoutType 'never'; it stays until the user acts`);
  const platform = doublePlatform();
  if (platform === 'darwin') return;
  entry.record.state = platform === 'win32' ? 'in-action-center' : 'closed';
  entry.owner.emitRecorded(entry.record, 'close', platform === 'win32' ? 'timedOut' : undefined);
}
