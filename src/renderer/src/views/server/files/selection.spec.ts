import { describe, expect, it } from 'vitest';
import { clickRow, EMPTY_SELECTION, moveFocus, pruneSelection, selectAll, selectedInOrder, type Selection } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const plain = { isToggle: false, isRange: false };
const toggle = { isToggle: true, isRange: false };
const range = { isToggle: false, isRange: true };
const picked = (s: Selection): string[] => selectedInOrder(s, order);

describe('clickRow', () => {
  it('selects one row on a plain click', () => {
    const s = clickRow(clickRow(EMPTY_SELECTION, order, 'b', plain), order, 'd', plain);
    expect(picked(s)).toEqual(['d']);
    expect(s.anchor).toBe('d');
  });

  it('toggles rows with Ctrl/Cmd', () => {
    let s = clickRow(EMPTY_SELECTION, order, 'b', plain);
    s = clickRow(s, order, 'd', toggle);
    expect(picked(s)).toEqual(['b', 'd']);
    s = clickRow(s, order, 'b', toggle);
    expect(picked(s)).toEqual(['d']);
  });

  it('selects a range from the anchor with Shift, in either direction', () => {
    let s = clickRow(EMPTY_SELECTION, order, 'b', plain);
    s = clickRow(s, order, 'd', range);
    expect(picked(s)).toEqual(['b', 'c', 'd']);
    s = clickRow(s, order, 'a', range);
    expect(picked(s)).toEqual(['a', 'b']);
    expect(s.anchor).toBe('b');
  });

  it('adds a range to the selection with Ctrl+Shift', () => {
    let s = clickRow(EMPTY_SELECTION, order, 'a', plain);
    s = clickRow(s, order, 'c', toggle);
    s = clickRow(s, order, 'e', { isToggle: true, isRange: true });
    expect(picked(s)).toEqual(['a', 'c', 'd', 'e']);
  });
});

describe('keyboard', () => {
  it('moves the focus and clamps at the ends', () => {
    let s = moveFocus(EMPTY_SELECTION, order, 1, false);
    expect(s.focus).toBe('a');
    s = moveFocus(s, order, -1, false);
    expect(s.focus).toBe('a');
    s = moveFocus(s, order, 'last', false);
    expect(picked(s)).toEqual(['e']);
    s = moveFocus(s, order, 10, false);
    expect(s.focus).toBe('e');
  });

  it('extends with Shift from the anchor', () => {
    let s = moveFocus(EMPTY_SELECTION, order, 'first', false);
    s = moveFocus(s, order, 2, true);
    expect(picked(s)).toEqual(['a', 'b', 'c']);
    s = moveFocus(s, order, -1, true);
    expect(picked(s)).toEqual(['a', 'b']);
  });

  it('selects all, and prunes names that left the screen', () => {
    const all = selectAll(order);
    expect(picked(all)).toEqual(order);
    const pruned = pruneSelection(all, ['b', 'e']);
    expect([...pruned.selected]).toEqual(['b', 'e']);
    expect(pruned.focus).toBeNull();
    expect(pruneSelection(pruned, ['b', 'e'])).toBe(pruned);
  });
});
