/**
 * Multi-selection over the visible rows, like a desktop file manager: click, Ctrl/Cmd+click to
 * toggle, Shift+click for a range from the anchor, arrows to move the focus. Names are the keys, so
 * a selection survives a re-sort; ranges use the order on screen. Pure and immutable.
 */

export interface Selection {
  readonly selected: ReadonlySet<string>;
  /** Where a Shift range starts. */
  readonly anchor: string | null;
  /** The row the keyboard is on. */
  readonly focus: string | null;
}

export interface ClickModifiers {
  /** Ctrl (Cmd on macOS): toggle one row. */
  isToggle: boolean;
  /** Shift: select the range from the anchor. */
  isRange: boolean;
}

/** Where the focus moves: by rows, or to an end. */
export type FocusMove = number | 'first' | 'last';

export const EMPTY_SELECTION: Selection = { selected: new Set(), anchor: null, focus: null };

function range(order: readonly string[], from: string | null, to: string): string[] {
  const end = order.indexOf(to);
  const start = from === null ? -1 : order.indexOf(from);
  if (start < 0) return [to];
  return order.slice(Math.min(start, end), Math.max(start, end) + 1);
}

/** A click on the row named `name`. */
export function clickRow(current: Selection, order: readonly string[], name: string, mods: ClickModifiers): Selection {
  if (mods.isRange) {
    const anchor = current.anchor ?? name;
    const names = range(order, anchor, name);
    const selected = mods.isToggle ? new Set([...current.selected, ...names]) : new Set(names);
    return { selected, anchor, focus: name };
  }
  if (mods.isToggle) {
    const selected = new Set(current.selected);
    if (selected.has(name)) selected.delete(name);
    else selected.add(name);
    return { selected, anchor: name, focus: name };
  }
  return { selected: new Set([name]), anchor: name, focus: name };
}

/** Arrow keys, Home/End, Page keys: move the focus, selecting it (or extending with Shift). */
export function moveFocus(current: Selection, order: readonly string[], move: FocusMove, isExtending: boolean): Selection {
  if (order.length === 0) return current;
  const from = current.focus === null ? -1 : order.indexOf(current.focus);
  let index: number;
  if (move === 'first') index = 0;
  else if (move === 'last') index = order.length - 1;
  else if (from < 0) index = move > 0 ? 0 : order.length - 1;
  else index = Math.min(order.length - 1, Math.max(0, from + move));
  const name = order[index]!;
  if (isExtending) {
    const anchor = current.anchor ?? current.focus ?? name;
    return { selected: new Set(range(order, anchor, name)), anchor, focus: name };
  }
  return { selected: new Set([name]), anchor: name, focus: name };
}

/** Ctrl/Cmd+A. */
export function selectAll(order: readonly string[]): Selection {
  return { selected: new Set(order), anchor: order[0] ?? null, focus: order[0] ?? null };
}

/** Drops names no longer on screen (after a reload or a filter). */
export function pruneSelection(current: Selection, order: readonly string[]): Selection {
  const visible = new Set(order);
  const selected = new Set([...current.selected].filter((name) => visible.has(name)));
  const keep = (name: string | null): string | null => (name !== null && visible.has(name) ? name : null);
  if (selected.size === current.selected.size && keep(current.focus) === current.focus && keep(current.anchor) === current.anchor) {
    return current;
  }
  return { selected, anchor: keep(current.anchor), focus: keep(current.focus) };
}

/** The selected names in screen order. */
export function selectedInOrder(current: Selection, order: readonly string[]): string[] {
  return order.filter((name) => current.selected.has(name));
}

/** Selects exactly `name` (a right-click on an unselected row, a new file). */
export function selectOnly(name: string): Selection {
  return { selected: new Set([name]), anchor: name, focus: name };
}
