/** Small printing helpers shared by the commands. */
import type { OutputStream } from '../output';
import { stripControl, toJson } from './sanitize';

/** Pretty JSON for a single object (C1 controls escaped too, see `toJson`). */
export function printJson(stream: OutputStream, value: unknown): void {
  stream.line(toJson(value, 2));
}

/** `key: value` lines with the keys padded to one width; values are panel text, so made one clean line. */
export function printFields(stream: OutputStream, fields: ReadonlyArray<readonly [string, string]>): void {
  const width = Math.max(0, ...fields.map(([key]) => key.length + 1));
  for (const [key, value] of fields) stream.line(`${`${key}:`.padEnd(width)} ${stripControl(value)}`);
}

/** Every line of `lines`. */
export function printLines(stream: OutputStream, lines: readonly string[]): void {
  for (const line of lines) stream.line(line);
}
