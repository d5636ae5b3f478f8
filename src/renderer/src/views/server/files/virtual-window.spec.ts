import { describe, expect, it } from 'vitest';
import { rowWindow, rowsPerPage, scrollToReveal } from './virtual-window';

const base = { rowHeightPx: 28, viewportHeightPx: 560, overscan: 8 };

describe('rowWindow', () => {
  it('renders a small window of a 10,000-row list at the top', () => {
    const w = rowWindow({ ...base, scrollTopPx: 0, count: 10_000 });
    expect(w).toEqual({ start: 0, end: 29, offsetTopPx: 0, totalHeightPx: 280_000 });
  });

  it('follows the scroll position with overscan on both sides', () => {
    const w = rowWindow({ ...base, scrollTopPx: 28 * 5000 + 10, count: 10_000 });
    expect(w.start).toBe(4992);
    expect(w.end).toBe(5029);
    expect(w.offsetTopPx).toBe(4992 * 28);
    expect(w.end - w.start).toBeLessThan(40);
  });

  it('clamps a scroll position past the end, and handles short and empty lists', () => {
    const end = rowWindow({ ...base, scrollTopPx: 10_000_000, count: 10_000 });
    expect(end.end).toBe(10_000);
    expect(end.start).toBe(10_000 - 20 - 8);
    expect(rowWindow({ ...base, scrollTopPx: 0, count: 3 })).toMatchObject({ start: 0, end: 3, totalHeightPx: 84 });
    expect(rowWindow({ ...base, scrollTopPx: 50, count: 0 })).toMatchObject({ start: 0, end: 0 });
  });
});

describe('scrollToReveal', () => {
  const view = { scrollTopPx: 280, viewportHeightPx: 280, rowHeightPx: 28 };
  it.each([
    [12, 280],
    [5, 140],
    [20, 308],
  ])('row %i → scrollTop %i', (index, top) => {
    expect(scrollToReveal({ ...view, index })).toBe(top);
  });

  it('pages by whole rows, at least one', () => {
    expect(rowsPerPage(560, 28)).toBe(19);
    expect(rowsPerPage(10, 28)).toBe(1);
  });
});
