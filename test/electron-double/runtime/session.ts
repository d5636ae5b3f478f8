/**
 * `session`: a stub that records what the app configures. Permission requests reach the app's
 * handler only when the test asks (`app.requestPermission('media')`), since the double's Chromium
 * pages answer permission prompts themselves. webRequest listeners are counted, not applied.
 */
import { EventEmitter } from 'node:events';
import type { Session as ElectronSession } from 'electron';
import type { PermissionRequestRecord } from '../shared/snapshot';
import { doubleContext } from './context';
import { SessionProtocol } from './session-protocol';

type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
type PermissionCheckHandler = (webContents: unknown, permission: string, requestingOrigin: string, details: object) => boolean;

class WebRequest {
  listeners = 0;

  private count(args: unknown[]): void {
    this.listeners += args.some((arg) => typeof arg === 'function') ? 1 : 0;
    doubleContext().recorder.touch();
  }

  onHeadersReceived(...args: unknown[]): void {
    this.count(args);
  }

  onBeforeRequest(...args: unknown[]): void {
    this.count(args);
  }

  onBeforeSendHeaders(...args: unknown[]): void {
    this.count(args);
  }
}

type SessionApi = Pick<ElectronSession, 'clearCache' | 'getUserAgent' | 'setUserAgent'>;

/** One session; the app mostly meets `session.defaultSession`. */
export class Session extends EventEmitter implements SessionApi {
  readonly webRequest = new WebRequest();
  /** Handlers of `protocol.handle` for this session's windows. */
  readonly protocol = new SessionProtocol();
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  readonly permissionRequests: PermissionRequestRecord[] = [];
  private userAgent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Electron/${process.versions.electron ?? ''}`;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
    doubleContext().recorder.touch();
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
    doubleContext().recorder.touch();
  }

  /** A page asking for `permission`; Electron grants when no handler is set. */
  async requestPermission(permission: string, webContents: { id: number } | undefined, windowId?: number): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    const granted = handler
      ? await new Promise<boolean>((resolve) => handler(webContents, permission, (answer) => resolve(Boolean(answer)), { requestingUrl: '' }))
      : true;
    const record: PermissionRequestRecord = { permission, granted, handled: handler !== null };
    if (windowId !== undefined) record.windowId = windowId;
    this.permissionRequests.push(record);
    doubleContext().recorder.touch();
    return granted;
  }

  clearCache(): Promise<void> {
    return Promise.resolve();
  }

  clearStorageData(): Promise<void> {
    return Promise.resolve();
  }

  getUserAgent(): string {
    return this.userAgent;
  }

  setUserAgent(userAgent: string): void {
    this.userAgent = userAgent;
  }

  setProxy(): Promise<void> {
    return Promise.resolve();
  }

  setSpellCheckerEnabled(): void {}
}

const partitions = new Map<string, Session>();
const defaultSession = new Session();

/** The `session` module. */
export const session = {
  get defaultSession(): Session {
    return defaultSession;
  },
  fromPartition(partition: string): Session {
    if (partition === '') return defaultSession;
    const existing = partitions.get(partition) ?? new Session();
    partitions.set(partition, existing);
    return existing;
  },
};

/** The session state for the snapshot (the default session). */
export function sessionState(): {
  hasPermissionRequestHandler: boolean;
  hasPermissionCheckHandler: boolean;
  webRequestListeners: number;
  permissionRequests: PermissionRequestRecord[];
} {
  return {
    hasPermissionRequestHandler: defaultSession.permissionRequestHandler !== null,
    hasPermissionCheckHandler: defaultSession.permissionCheckHandler !== null,
    webRequestListeners: defaultSession.webRequest.listeners,
    permissionRequests: defaultSession.permissionRequests,
  };
}
