/**
 * Notification: every `show()` is recorded with what the user would see; the test can click or
 * dismiss a shown one. Events are emitted asynchronously, as the desktop's notification server
 * answers Electron asynchronously.
 */
import { EventEmitter } from 'node:events';
import type { Notification as ElectronNotification, NotificationAction } from 'electron';
import type { NotificationRecord } from '../shared/snapshot';
import { doubleContext } from './context';
import { createEvent } from './event';
import type { NativeImage } from './native-image';

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
}

interface Shown {
  record: NotificationRecord;
  owner: Notification;
}

const shown: Shown[] = [];

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
  private readonly icon: NativeImage | string | undefined;
  private current: Shown | undefined;

  static isSupported(): boolean {
    return true;
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
    this.icon = options.icon;
  }

  /** Showing again replaces the previous bubble with a new one, as Electron documents. */
  show(): void {
    if (this.current?.record.state === 'shown') this.current.record.state = 'replaced';
    const record: NotificationRecord = {
      index: shown.length,
      title: this.title,
      subtitle: this.subtitle,
      body: this.body,
      silent: this.silent,
      urgency: this.urgency,
      timeoutType: this.timeoutType,
      actions: this.actions.map((action) => ({ ...action })),
      hasReply: this.hasReply,
      state: 'shown',
      events: [],
    };
    if (this.icon !== undefined) record.icon = typeof this.icon === 'string' ? this.icon : this.icon.toRef();
    this.current = { record, owner: this };
    shown.push(this.current);
    doubleContext().recorder.touch();
    // The launcher can make the desktop's notification service fail (e.g. no daemon running).
    if (process.env.PTEROTRAY_DOUBLE_FAIL_NOTIFICATIONS === '1') {
      record.state = 'failed';
      setImmediate(() => this.emitRecorded(record, 'failed', 'electron-double: the notification service is failing'));
      return;
    }
    setImmediate(() => this.emitRecorded(record, 'show'));
  }

  close(): void {
    const current = this.current;
    if (current?.record.state !== 'shown') return;
    current.record.state = 'closed';
    doubleContext().recorder.touch();
    setImmediate(() => this.emitRecorded(current.record, 'close'));
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

function shownAt(index: number, verb: string): Shown {
  const entry = shown[index];
  if (!entry) throw new Error(`no notification #${index} was shown`);
  if (entry.record.state !== 'shown') throw new Error(`notification #${index} is ${entry.record.state}; a user cannot ${verb} it`);
  return entry;
}

/** A user clicking the bubble: 'click', and the bubble goes away. */
export function clickNotification(index: number): void {
  const entry = shownAt(index, 'click');
  entry.record.state = 'clicked';
  entry.owner.emitRecorded(entry.record, 'click');
}

/** A user dismissing the bubble: 'close' with reason userCanceled. */
export function dismissNotification(index: number): void {
  const entry = shownAt(index, 'dismiss');
  entry.record.state = 'closed';
  entry.owner.emitRecorded(entry.record, 'close', 'userCanceled');
}
