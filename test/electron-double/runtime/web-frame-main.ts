/**
 * WebFrameMain as handlers see it in `event.senderFrame`: the URL and origin are the page's real
 * ones at call time (served pages are reported with their file:// or app:// URL, as in Electron).
 */
import type { WebFrameMain as ElectronWebFrameMain } from 'electron';
import { isStandardScheme } from './session-protocol';

/** What a frame needs from its webContents. */
export interface FrameOwner {
  readonly processId: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  executeJavaScript(code: string): Promise<unknown>;
}

/**
 * The origin Chromium reports for a URL: `file://` for files, scheme://host for a custom scheme
 * registered as standard (a tuple origin, like http's), `null` for opaque ones.
 */
export function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'file:') return 'file://';
    if (isStandardScheme(parsed.protocol.slice(0, -1))) return `${parsed.protocol}//${parsed.host}`;
    return parsed.origin;
  } catch {
    return 'null';
  }
}

type FrameApi = Pick<
  ElectronWebFrameMain,
  'url' | 'origin' | 'name' | 'processId' | 'routingId' | 'frameTreeNodeId' | 'isDestroyed' | 'detached' | 'visibilityState'
>;

/** A frame of a window's page. */
export class WebFrameMain implements FrameApi {
  readonly name = '';
  readonly detached = false;
  readonly visibilityState = 'visible' as const;
  readonly frames: WebFrameMain[] = [];

  constructor(
    private readonly owner: FrameOwner,
    private readonly state: { url: string },
    readonly routingId: number,
    private readonly topFrame: WebFrameMain | null,
  ) {}

  get url(): string {
    return this.state.url;
  }

  get origin(): string {
    return originOf(this.state.url);
  }

  get top(): WebFrameMain {
    return this.topFrame ?? this;
  }

  get parent(): WebFrameMain | null {
    return this.topFrame;
  }

  get processId(): number {
    return this.owner.processId;
  }

  get frameTreeNodeId(): number {
    return this.routingId;
  }

  get framesInSubtree(): WebFrameMain[] {
    return [this, ...this.frames];
  }

  isDestroyed(): boolean {
    return this.owner.isDestroyed();
  }

  /** Only the main frame can be scripted or messaged through the double. */
  executeJavaScript(code: string): Promise<unknown> {
    if (this.topFrame) return Promise.reject(new Error('electron-double: executeJavaScript on a sub frame is not supported'));
    return this.owner.executeJavaScript(code);
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.topFrame) throw new Error('electron-double: send to a sub frame is not supported');
    this.owner.send(channel, ...args);
  }
}
