/**
 * The last console lines of one followed server, so a console window opened later starts with
 * context. Bounded: a chatty server cannot grow the heap.
 */

/** Default lines kept per server: a few screens, more than Wings' own 150-line replay. */
export const CONSOLE_BACKLOG_LINES = 500;

/** A ring of strings. */
export class ConsoleBacklog {
  private lines: string[] = [];
  private start = 0;

  constructor(private readonly capacity = CONSOLE_BACKLOG_LINES) {}

  get size(): number {
    return this.lines.length;
  }

  push(line: string): void {
    if (this.capacity <= 0) return;
    if (this.lines.length < this.capacity) {
      this.lines.push(line);
      return;
    }
    this.lines[this.start] = line;
    this.start = (this.start + 1) % this.capacity;
  }

  /** Oldest first. */
  snapshot(): string[] {
    return [...this.lines.slice(this.start), ...this.lines.slice(0, this.start)];
  }

  /** On every (re)connect: Wings replays its own backlog then, which would otherwise double up. */
  clear(): void {
    this.lines = [];
    this.start = 0;
  }
}
