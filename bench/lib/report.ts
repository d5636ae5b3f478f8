/** The run's report: Markdown for test-results/bench/ and the figures block of docs/benchmarks.md. Pure. */
import { renderMarkdown, type Table } from './table';

export const DOCS_START = '<!-- bench:figures:start -->';
export const DOCS_END = '<!-- bench:figures:end -->';

/** What the report says about the run besides the tables. */
export interface ReportHeader {
  machine: string;
  command: string;
  isQuick: boolean;
  durationMs: number;
}

/** The figures block: how the run went, then every table. */
export function figuresBlock(header: ReportHeader, tables: readonly Table[]): string {
  const minutes = (header.durationMs / 60_000).toFixed(1);
  const lines = [
    `Run: \`${header.command}\`${header.isQuick ? ' (QUICK MODE: shortened windows, see the notes)' : ''}, ${minutes} min.`,
    '',
    `Machine: ${header.machine}.`,
    '',
    ...tables.flatMap((table) => [renderMarkdown(table), '']),
  ];
  return lines.join('\n').trimEnd();
}

/** `doc` with the text between the markers replaced by `block`; throws when the markers are missing. */
export function replaceFigures(doc: string, block: string): string {
  const start = doc.indexOf(DOCS_START);
  const end = doc.indexOf(DOCS_END);
  if (start === -1 || end === -1 || end < start) throw new Error(`docs/benchmarks.md has no ${DOCS_START} … ${DOCS_END} block`);
  return `${doc.slice(0, start + DOCS_START.length)}\n${block}\n${doc.slice(end)}`;
}
