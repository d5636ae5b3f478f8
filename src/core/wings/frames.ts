/** Wings websocket frames: text JSON `{event, args}` in both directions. */

/** One decoded frame. `args` holds strings on real Wings; anything else is left to the handler. */
export interface WingsFrame {
  event: string;
  args: unknown[];
}

/** The frame the client sends, serialised. */
export function encodeFrame(event: string, args?: string[]): string {
  return JSON.stringify(args === undefined ? { event } : { event, args });
}

/** Decodes a received message, or returns null for anything that is not a well-formed frame. */
export function parseFrame(data: unknown): WingsFrame | null {
  const text = frameText(data);
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { event, args } = value as { event?: unknown; args?: unknown };
  if (typeof event !== 'string' || event === '') return null;
  return { event, args: Array.isArray(args) ? args : [] };
}

function frameText(data: unknown): string | null {
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  if (Array.isArray(data) && data.every((part) => Buffer.isBuffer(part))) {
    return Buffer.concat(data).toString('utf8');
  }
  return null;
}

/** The first argument when it is a string (most Wings events carry exactly one). */
export function firstStringArg(frame: WingsFrame): string | null {
  const [first] = frame.args;
  return typeof first === 'string' ? first : null;
}
