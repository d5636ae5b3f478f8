import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { ROW_HEIGHT_PX } from './constants';
import { renderPanel, rowNames } from './panel-test-kit';
import { fileEntry } from './test-entries';

const name = (i: number): string => `file-${String(i).padStart(5, '0')}.txt`;
const TEN_THOUSAND = Array.from({ length: 10_000 }, (_, i) => fileEntry(name(i)));

describe('FileList: a virtualised list', () => {
  it('opens 10,000 entries at once, rendering only a screenful of rows', async () => {
    const started = performance.now();
    await renderPanel({ '/': TEN_THOUSAND });
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-rowcount')).toBe('10001');
    expect(rowNames().length).toBeLessThan(60);
    expect(rowNames()[0]).toBe(name(0));
    expect(screen.getByText('10,000 items')).toBeTruthy();
    // A generous bound for a slow CI machine: rendering 10,000 rows would take many seconds here.
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('renders the rows at the scroll position, still only a few', async () => {
    await renderPanel({ '/': TEN_THOUSAND });
    const viewport = document.querySelector<HTMLElement>('[data-viewport]')!;
    viewport.scrollTop = ROW_HEIGHT_PX * 5000;
    await fireEvent.scroll(viewport);
    await waitFor(() => expect(rowNames()).toContain(name(5000)));
    expect(rowNames()).not.toContain(name(0));
    expect(rowNames().length).toBeLessThan(60);
    const first = screen.getAllByRole('row').find((r) => r.dataset.index !== undefined)!;
    expect(Number(first.getAttribute('aria-rowindex'))).toBeGreaterThan(4900);
  });

  it('follows the keyboard to the end of the list and selects everything with Ctrl+A', async () => {
    const { user } = await renderPanel({ '/': TEN_THOUSAND });
    screen.getByRole('grid').focus();
    await user.keyboard('{End}');
    const selected = screen.getAllByRole('row', { selected: true });
    expect(selected.map((r) => r.querySelector('.label')?.textContent)).toEqual([name(9999)]);
    expect(screen.getByRole('grid').getAttribute('aria-activedescendant')).toBe(selected[0]!.id);
    expect(rowNames().length).toBeLessThan(60);
    await user.keyboard('{Shift>}{PageUp}{/Shift}');
    expect(screen.getByText(/\d+ selected/).textContent).toMatch(/1[0-9] selected/);
    await user.keyboard('{Control>}a{/Control}');
    expect(screen.getByText(/10,000 selected/)).toBeTruthy();
  });
});
