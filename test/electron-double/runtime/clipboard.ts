/**
 * `clipboard`: an in-memory clipboard (never the machine's), recording every text written. Typed
 * against Electron 45's promise-based Clipboard; `selection` is Linux's selection clipboard.
 */
import type { Clipboard } from 'electron';
import { doubleContext } from './context';

const TEXT = 'text/plain';

class MemoryClipboard {
  text = '';
  readonly writes: string[] = [];

  async writeText(value: string): Promise<void> {
    this.text = String(value);
    this.writes.push(this.text);
    doubleContext().recorder.touch();
  }

  async readText(): Promise<string> {
    return this.text;
  }

  async has(mimetype: string): Promise<boolean> {
    return mimetype === TEXT && this.text !== '';
  }

  clear(): void {
    this.text = '';
    doubleContext().recorder.touch();
  }
}

const system = new MemoryClipboard();
const selection = new MemoryClipboard();

/** The clipboard's recorded state (the system clipboard, not the selection). */
export function clipboardState(): { text: string; writes: string[] } {
  return { text: system.text, writes: [...system.writes] };
}

function bind(target: MemoryClipboard): Pick<Clipboard, 'writeText' | 'readText' | 'has' | 'clear'> {
  return {
    writeText: (text) => target.writeText(text),
    readText: () => target.readText(),
    has: (mimetype) => target.has(mimetype),
    clear: () => target.clear(),
  };
}

/** The `clipboard` module. */
export const clipboard = { ...bind(system), selection: bind(selection) } satisfies Pick<Clipboard, 'writeText' | 'readText' | 'has' | 'clear'> & {
  selection: Pick<Clipboard, 'writeText' | 'readText' | 'has' | 'clear'>;
};
