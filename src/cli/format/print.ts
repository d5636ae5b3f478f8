/** Small printing helpers shared by the commands. */
import type { OutputStream } from '../output';

/** Pretty JSON for a single object, one compact JSON object a line for streams (`watch`). */
export function printJson(stream: OutputStream, value: unknown): void {
  stream.line(JSON.stringify(value, null, 2));
}

/** `key: value` lines with the keys padded to one width. */
export function printFields(stream: OutputStream, fields: ReadonlyArray<readonly [string, string]>): void {
  const width = Math.max(0, ...fields.map(([key]) => key.length + 1));
  for (const [key, value] of fields) stream.line(`${`${key}:`.padEnd(width)} ${value}`);
}

/** Every line of `lines`. */
export function printLines(stream: OutputStream, lines: readonly string[]): void {
  for (const line of lines) stream.line(line);
}
