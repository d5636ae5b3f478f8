/**
 * A logger that writes one line per entry through an injected sink (a file in the app, stderr in
 * the CLI), with every key-shaped or token-shaped string scrubbed first. The core never hands a
 * logger a key; this is the second fence, for text that came from elsewhere.
 */
import type { Logger } from './deps';

const PATTERNS: RegExp[] = [
  // Client and application keys of Pterodactyl and Pelican: a prefix and the rest of the token.
  /\b(ptlc|ptla|pacc|papp)_[A-Za-z0-9]{6,}/g,
  /\bBearer\s+[^\s"',;]+/gi,
  // Signed Wings URLs and websocket JWTs carry their token in the query string or the body.
  /([?&]token=)[^&\s"']+/gi,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g,
];

/** `text` with anything that looks like a key, bearer token or signed-URL token replaced. */
export function scrubSecrets(text: string): string {
  return PATTERNS.reduce(
    (out, pattern) =>
      out.replace(pattern, (match, prefix: unknown) => (typeof prefix === 'string' && prefix.endsWith('=') ? `${prefix}[redacted]` : '[redacted]')),
    text,
  );
}

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface LineLoggerOptions {
  write(line: string): void;
  minLevel?: Level;
  now?: () => Date;
}

function safeFields(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  try {
    return ` ${JSON.stringify(fields, (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message } : value))}`;
  } catch {
    return ' {"fields":"unserialisable"}';
  }
}

/** A Logger writing `time level message {fields}` lines, scrubbed. */
export function createLineLogger(options: LineLoggerOptions): Logger {
  const min = ORDER[options.minLevel ?? 'info'];
  const log = (level: Level) => (message: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < min) return;
    const time = (options.now ?? (() => new Date()))().toISOString();
    options.write(scrubSecrets(`${time} ${level.toUpperCase()} ${message}${safeFields(fields)}`));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
