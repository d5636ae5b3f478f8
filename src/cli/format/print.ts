/** Small printing helpers shared by the commands. */
import type { Output, OutputStream } from '../output';
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

/**
 * A list command's output: `--json` as the API names the fields, else a table on stdout, or one
 * line on stderr when there is nothing (so a script reading stdout gets no header for nothing).
 */
export function printList<T>(
  out: Output,
  items: readonly T[],
  how: { json: boolean; toJson: (item: T) => unknown; table: (items: readonly T[]) => string[]; empty: string },
): void {
  if (how.json) printJson(out.stdout, items.map(how.toJson));
  else if (items.length === 0) out.stderr.line(how.empty);
  else printLines(out.stdout, how.table(items));
}
