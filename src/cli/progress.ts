/**
 * A one-line progress display for downloads and uploads, redrawn in place on stderr. Only when
 * stderr is a terminal: in a pipe or a log file, carriage returns are noise.
 */
import type { Clock } from '../core/util/deps';
import type { OutputStream } from './output';
import { formatBytes } from './format/units';

/** Redraws at most this often; a fast local transfer would otherwise print thousands of lines. */
const REDRAW_EVERY_MS = 100;

/** Receives byte counts; `done()` ends the line. */
export interface ProgressReporter {
  update(transferredBytes: number, totalBytes: number | null): void;
  done(): void;
}

const SILENT: ProgressReporter = { update: () => {}, done: () => {} };

/** A reporter drawing on `stream` when it is a terminal, a silent one otherwise. */
export function createProgress(stream: OutputStream, label: string, clock: Clock): ProgressReporter {
  if (!stream.isTTY) return SILENT;
  let lastDrawMs = Number.NEGATIVE_INFINITY;
  let lastText = '';
  let latest: [number, number | null] = [0, null];
  let width = 0;
  const draw = (text: string): void => {
    stream.write(`\r${text.padEnd(width)}`);
    width = Math.max(width, text.length);
    lastText = text;
  };
  return {
    update(transferredBytes, totalBytes) {
      latest = [transferredBytes, totalBytes];
      const now = clock.now();
      if (now - lastDrawMs < REDRAW_EVERY_MS) return;
      lastDrawMs = now;
      draw(progressText(label, transferredBytes, totalBytes));
    },
    done() {
      if (lastText === '') return;
      draw(progressText(label, ...latest)); // the last update may have been skipped by the throttle
      stream.write('\n');
    },
  };
}

/** `world.zip  12.0 MiB / 200.0 MiB  6%`, or without the total when unknown. */
export function progressText(label: string, transferredBytes: number, totalBytes: number | null): string {
  if (totalBytes === null || totalBytes <= 0) return `${label}  ${formatBytes(transferredBytes)}`;
  const percent = Math.min(100, Math.floor((transferredBytes / totalBytes) * 100));
  return `${label}  ${formatBytes(transferredBytes)} / ${formatBytes(totalBytes)}  ${percent}%`;
}
