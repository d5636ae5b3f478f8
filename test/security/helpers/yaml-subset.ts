/**
 * A strict reader for the block-style YAML that electron-builder.yml is written in: nested maps
 * and lists by indentation, `#` comments, plain, single- and double-quoted scalars, booleans,
 * null and numbers. No YAML parser is a dependency of the project and the config needs no more;
 * anything outside this subset (flow collections, anchors, multi-line scalars) is an error, so a
 * change the test cannot read fails loudly instead of being misread.
 */

interface Line {
  indent: number;
  text: string;
  no: number;
}

/** Cuts a trailing comment, outside quotes. */
function stripComment(raw: string): string {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(raw[i - 1] ?? ''))) {
      return raw.slice(0, i);
    }
  }
  return raw;
}

function linesOf(source: string): Line[] {
  return source.split(/\r?\n/).flatMap((raw, index) => {
    const text = stripComment(raw).trimEnd();
    if (text.trim() === '') return [];
    if (/^\t/.test(text)) throw new Error(`line ${index + 1}: tabs are not YAML indentation`);
    return [{ indent: text.length - text.trimStart().length, text: text.trim(), no: index + 1 }];
  });
}

function scalar(text: string, no: number): unknown {
  if (/^[[{&*|>!%@`]/.test(text)) throw new Error(`line ${no}: "${text}" is outside the YAML subset this reader takes`);
  if (text.startsWith('"')) {
    if (!text.endsWith('"') || text.length < 2) throw new Error(`line ${no}: unterminated string`);
    return JSON.parse(text) as unknown;
  }
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new Error(`line ${no}: unterminated string`);
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '~') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** `key: rest` → [key, rest]; null when the line is not a mapping entry. */
function entryOf(text: string): [string, string] | null {
  const match = /^("[^"]*"|'[^']*'|[^\s"'#][^:]*?):(?:\s+(.*))?$/.exec(text);
  if (!match?.[1]) return null;
  const key = match[1].startsWith('"') || match[1].startsWith("'") ? String(scalar(match[1], 0)) : match[1];
  return [key, match[2] ?? ''];
}

class Reader {
  private at = 0;

  constructor(private readonly lines: Line[]) {}

  read(): unknown {
    const first = this.lines[0];
    if (!first) return null;
    const value = this.block(first.indent);
    const rest = this.lines[this.at];
    if (rest) throw new Error(`line ${rest.no}: unexpected indentation`);
    return value;
  }

  private block(indent: number): unknown {
    const first = this.lines[this.at];
    if (!first || first.indent !== indent) throw new Error(`line ${first?.no ?? 'end'}: expected a block at indentation ${indent}`);
    return first.text.startsWith('- ') || first.text === '-' ? this.list(indent) : this.map(indent);
  }

  private valueAfter(rest: string, indent: number, no: number): unknown {
    if (rest !== '') return scalar(rest, no);
    const next = this.lines[this.at];
    if (next && next.indent > indent) return this.block(next.indent);
    // A list may sit at its key's own indentation (`files:` then `- a`).
    if (next && next.indent === indent && next.text.startsWith('- ')) return this.list(indent);
    return null;
  }

  private map(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let line = this.lines[this.at]; line && line.indent === indent && !line.text.startsWith('- '); line = this.lines[this.at]) {
      const entry = entryOf(line.text);
      if (!entry) throw new Error(`line ${line.no}: expected "key: value"`);
      const [key, rest] = entry;
      if (Object.hasOwn(out, key)) throw new Error(`line ${line.no}: duplicate key ${key}`);
      this.at += 1;
      Object.defineProperty(out, key, { value: this.valueAfter(rest, indent, line.no), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private list(indent: number): unknown[] {
    const out: unknown[] = [];
    for (let line = this.lines[this.at]; line && line.indent === indent && line.text.startsWith('-'); line = this.lines[this.at]) {
      const content = line.text.slice(1).trimStart();
      const itemIndent = indent + (line.text.length - content.length);
      if (content === '') {
        this.at += 1;
        out.push(this.valueAfter('', indent, line.no));
      } else if (entryOf(content)) {
        // `- key: value` starts a map whose other keys sit under the first one.
        this.lines[this.at] = { indent: itemIndent, text: content, no: line.no };
        out.push(this.map(itemIndent));
      } else {
        this.at += 1;
        out.push(scalar(content, line.no));
      }
    }
    return out;
  }
}

/** Reads the YAML subset described above; throws on anything else. */
export function readYamlSubset(source: string): unknown {
  return new Reader(linesOf(source)).read();
}
