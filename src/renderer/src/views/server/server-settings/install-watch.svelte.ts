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

  /** The reinstall was accepted (202): from now on the availability tells the story. */
  requested(): void {
    // The list's push may beat the reply: an install already seen is not started over.
    if (this.phase === 'installing') return;
    this.phase = 'requested';
    this.lines = [];
  }

  /** Each ServerView push's availability. */
  availability(availability: ServerAvailability): void {
    if (availability === 'installing' && this.phase !== 'installing') {
      if (this.phase !== 'requested') this.lines = [];
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
