/**
 * The arithmetic of a fixed-row-height virtual list: which rows to render for a scroll position,
 * and where to scroll to reveal a row. Pure, so the 10,000-row case is tested without a browser.
 */

export interface WindowInput {
  scrollTopPx: number;
  viewportHeightPx: number;
  rowHeightPx: number;
  count: number;
  /** Extra rows rendered above and below, so fast scrolling shows no gap. */
  overscan: number;
}

/** Rows `start` (inclusive) to `end` (exclusive), placed `offsetTopPx` down a `totalHeightPx` spacer. */
export interface RowWindow {
  start: number;
  end: number;
  offsetTopPx: number;
  totalHeightPx: number;
}

export function rowWindow(input: WindowInput): RowWindow {
  const { rowHeightPx, count, overscan } = input;
  const totalHeightPx = count * rowHeightPx;
  const maxScroll = Math.max(0, totalHeightPx - input.viewportHeightPx);
  const scrollTop = Math.min(Math.max(0, input.scrollTopPx), maxScroll);
  const first = Math.floor(scrollTop / rowHeightPx);
  const visible = Math.ceil(input.viewportHeightPx / rowHeightPx) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offsetTopPx: start * rowHeightPx, totalHeightPx };
}

export interface RevealInput {
  index: number;
  scrollTopPx: number;
  viewportHeightPx: number;
  rowHeightPx: number;
}

/** The scroll position that shows row `index` whole, moving as little as possible. */
export function scrollToReveal(input: RevealInput): number {
  const top = input.index * input.rowHeightPx;
  const bottom = top + input.rowHeightPx;
  if (top < input.scrollTopPx) return top;
  if (bottom > input.scrollTopPx + input.viewportHeightPx) return Math.max(0, bottom - input.viewportHeightPx);
  return input.scrollTopPx;
}

/** How many whole rows fit in the viewport (Page Up/Down move by this). */
export function rowsPerPage(viewportHeightPx: number, rowHeightPx: number): number {
  return Math.max(1, Math.floor(viewportHeightPx / rowHeightPx) - 1);
}
