/** Result tables: one per benchmark section, printed to stdout and written as Markdown. Pure. */

/** A table of figures, already formatted as text. */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  /** Lines printed under the table: how it was measured, caveats. */
  notes: string[];
}

const isNumeric = (cell: string): boolean => /^[-+≤<>~]?\s?[\d.,]+/.test(cell.trim());

function widths(table: Table): number[] {
  return table.columns.map((column, i) => Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)));
}

/** Aligned plain text, numbers right-aligned, for a terminal. */
export function renderText(table: Table): string {
  const sizes = widths(table);
  const line = (cells: string[], isHeader: boolean): string =>
    cells
      .map((cell, i) => (!isHeader && i > 0 && isNumeric(cell) ? cell.padStart(sizes[i] ?? 0) : cell.padEnd(sizes[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = sizes.map((size) => '-'.repeat(size)).join('  ');
  const body = table.rows.map((row) => line(row, false));
  const notes = table.notes.map((note) => `  * ${note}`);
  return [`== ${table.title} ==`, line(table.columns, true), rule, ...body, ...notes].join('\n');
}

const escapeCell = (cell: string): string => cell.replace(/\|/g, '\\|');

/** A GitHub Markdown table with its notes as a list, under a `###` heading. */
export function renderMarkdown(table: Table): string {
  const header = `| ${table.columns.map(escapeCell).join(' | ')} |`;
  const rule = `|${table.columns.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`;
  const body = table.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
  const notes = table.notes.length > 0 ? ['', ...table.notes.map((note) => `- ${note}`)] : [];
  return [`### ${table.title}`, '', header, rule, ...body, ...notes].join('\n');
}

/** A number with a fixed count of decimals, or `–` when there is none. */
export function fixed(value: number | null | undefined, decimals: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(decimals);
}

/** Milliseconds, shown as ms below 10 s and as seconds above. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A share as a percentage with one decimal. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '–' : `${(share * 100).toFixed(1)} %`;
}

/** Bytes as MiB with one decimal. */
export function mib(bytes: number | null | undefined): string {
  return bytes === null || bytes === undefined || !Number.isFinite(bytes) ? '–' : `${(bytes / 1048576).toFixed(1)} MiB`;
}
