/**
 * Collects what each double module records into one AppSnapshot and pushes it to the launcher,
 * coalescing many changes in one turn of the event loop into one push.
 */
import type { AppSnapshot } from '../shared/snapshot';

/** Contributes the fields one module owns. */
export type SnapshotSection = () => Partial<AppSnapshot>;

/** A snapshot with nothing recorded yet. */
export function emptySnapshot(): AppSnapshot {
  return {
    seq: 0,
    pid: process.pid,
    platform: 'linux',
    trayHost: true,
    versions: { node: process.versions.node, electron: '' },
    name: '',
    version: '',
    ready: false,
    quitting: false,
    lifecycle: [],
    trays: [],
    applicationMenu: null,
    notifications: [],
    windows: [],
    dialogs: [],
    shell: [],
    clipboard: { text: '', writes: [] },
    globalShortcuts: [],
    loginItemSettings: {},
    loginItemCalls: [],
    dock: null,
    singleInstance: { requested: false, hasLock: false, secondInstances: [] },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
    session: { hasPermissionRequestHandler: false, hasPermissionCheckHandler: false, webRequestListeners: 0, permissionRequests: [] },
    protocol: { handled: [], privilegedSchemes: [] },
    commandLine: { switches: {}, arguments: [] },
  };
}

/** The one place modules report changes to. */
export class Recorder {
  private readonly sections: SnapshotSection[] = [];
  private seq = 0;
  private scheduled = false;

  constructor(private readonly publish: (snapshot: AppSnapshot) => void) {}

  /** Adds a module's contribution; later sections win on the same key. */
  section(section: SnapshotSection): void {
    this.sections.push(section);
  }

  /** Something changed: push soon (once per event-loop turn). */
  touch(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Pushes now if anything changed since the last push. */
  flush(): void {
    if (!this.scheduled) return;
    this.scheduled = false;
    this.publish(this.snapshot());
  }

  /** The current state, composed from every section. */
  snapshot(): AppSnapshot {
    const snapshot = emptySnapshot();
    for (const section of this.sections) Object.assign(snapshot, section());
    this.seq += 1;
    snapshot.seq = this.seq;
    return snapshot;
  }
}
