/**
 * Watching a reinstall from the Settings tab: the server's availability goes `installing` in
 * ServerView pushes and back when Wings says the install completed; the script's output arrives
 * as console lines of kind `install-output`, which Wings sends only to root admins' keys
 * (wings router/websocket/websocket.go SendJson, `admin.websocket.install`).
 */
import type { ConsoleLine, ServerAvailability, ServerRef } from '../../../../../shared/types';
import { sameRef } from '../../../lib/state/app-state.svelte';

export type InstallPhase = 'idle' | 'requested' | 'installing' | 'done' | 'failed';

/** Keep the install's tail; a script can print a lot. */
const MAX_LINES = 500;

export class InstallWatch {
  phase = $state<InstallPhase>('idle');
  lines = $state<string[]>([]);

  constructor(private readonly ref: ServerRef) {}

  /**
   * The reinstall was accepted (202), with the availability of a list read after it: installing,
   * or, for a script quicker than that read, already back (the install is over).
   */
  requested(availability: ServerAvailability | null): void {
    // The list's push may beat the reply: an install already seen is not started over.
    if (this.phase === 'installing') return;
    this.lines = [];
    if (availability === 'installing') this.phase = 'installing';
    else if (availability === 'install-failed') this.phase = 'failed';
    else if (availability === null) this.phase = 'requested';
    else this.phase = 'done';
  }

  /** Each ServerView push's availability. */
  availability(availability: ServerAvailability): void {
    if (availability === 'installing' && (this.phase === 'idle' || this.phase === 'requested')) {
      if (this.phase === 'idle') this.lines = [];
      this.phase = 'installing';
    } else if (this.phase === 'installing' && availability === 'install-failed') this.phase = 'failed';
    else if (this.phase === 'installing' && availability !== 'installing') this.phase = 'done';
  }

  line(line: ConsoleLine): void {
    if (line.kind !== 'install-output' || !sameRef(line.server, this.ref)) return;
    const next = [...this.lines, line.text.replace(/\r?\n$/, '')];
    this.lines = next.length > MAX_LINES ? next.slice(-MAX_LINES) : next;
  }

  get isWatching(): boolean {
    return this.phase === 'requested' || this.phase === 'installing';
  }
}
