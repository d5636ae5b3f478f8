/** Aligned plain-text tables for human output. */
import { stripControl } from './sanitize';

/** A column: its header and whether numbers in it line up on the right. */
export interface Column {
  header: string;
  alignRight?: boolean;
}

/**
 * Lines of a table whose columns are padded to their widest cell, two spaces apart. Widths count
 * code points, so names with accents line up; wide CJK glyphs may still drift by a column.
 */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((column, i) => Math.max(width(column.header), ...rows.map((row) => width(row[i] ?? ''))));
  const render = (cells: readonly string[]): string =>
    columns
      .map((column, i) => {
        const cell = sanitise(cells[i] ?? '');
        const pad = ' '.repeat((widths[i] ?? 0) - width(cell));
        return column.alignRight === true ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [render(columns.map((c) => c.header)), ...rows.map(render)];
}

function width(text: string): number {
  return [...sanitise(text)].length;
}

// A server name with a tab or newline would break the row; control characters would move the cursor.
const sanitise = stripControl;
