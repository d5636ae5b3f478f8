/**
 * Console lines as terminal text, coloured the way the panel's own console prints them: daemon
 * lines after a bold yellow prelude, daemon errors on red, and the commands we sent dimmed.
 */
import { downsampleTrueColor } from './true-color';
import type { ConsoleLine } from '../../../../../shared/types';

const CSI = '\u001b[';
const RESET = `${CSI}0m`;
const BOLD_YELLOW = `${CSI}1m${CSI}33m`;
const BOLD_ON_RED = `${CSI}1m${CSI}41m`;
const DIM = `${CSI}2m`;

/** Drops one trailing line break: Wings often ends a line with one, and each line is written whole. */
export function trimLineEnd(text: string): string {
  return text.replace(/(?:\r\n|\r|\n)$/, '');
}

/** One line, without its line break, with the colours of its kind; always ends with a reset. */
export function formatLine(line: Pick<ConsoleLine, 'text' | 'kind'>, prelude: string): string {
  const text = downsampleTrueColor(trimLineEnd(line.text));
  const tagged = `${BOLD_YELLOW}${prelude}${RESET}`;
  switch (line.kind) {
    case 'output':
    case 'install-output':
      return `${text}${RESET}`;
    case 'status':
    case 'daemon-message':
      return `${tagged}${text}${RESET}`;
    case 'daemon-error':
      return `${tagged}${BOLD_ON_RED}${text}${RESET}`;
    case 'command':
      return `${DIM}> ${text}${RESET}`;
  }
}
