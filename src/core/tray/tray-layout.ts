/**
 * How the tray's servers are laid out for 1 to 1,000 of them (issue 15): what needs attention
 * first, then favourites, then each panel; a long list is split into name ranges so that no level
 * of the menu holds more than MAX_MENU_LEVEL entries. Pure: the menu only draws what this gives.
 */

/** About as many entries as a menu level shows on a laptop screen without scrolling. */
export const MAX_MENU_LEVEL = 25;

/**
 * Up to this many servers in all, the panels' servers sit in the top level under each panel's
 * title (one hover to a server, as before); beyond it each panel is a submenu.
 */
export const INLINE_SERVERS_MAX = 12;

/** Attention and favourites show this many entries in the top level; more become a submenu. */
export const TOP_LIST_MAX = 5;

/** A level of the menu: servers themselves, or name ranges that each open a further level. */
export type TrayList<T> = { kind: 'servers'; items: T[] } | { kind: 'groups'; groups: Array<TrayGroup<T>> };

/** A name range of a split list: "Alpha – Delta (24)". */
export interface TrayGroup<T> {
  label: string;
  count: number;
  list: TrayList<T>;
}

/** The first few characters of a name, for a range's label. */
function shortName(name: string): string {
  const trimmed = name.trim();
  return trimmed.length <= 14 ? trimmed : `${trimmed.slice(0, 13)}…`;
}

/**
 * Splits `items` (already in the order to show) into levels of at most `maxPerLevel` entries:
 * the fewest levels that fit, the groups of one level as even as they can be.
 */
export function splitList<T>(items: readonly T[], nameOf: (item: T) => string, maxPerLevel = MAX_MENU_LEVEL): TrayList<T> {
  if (items.length <= maxPerLevel) return { kind: 'servers', items: [...items] };
  // The capacity of one group one level down: maxPerLevel^(levels - 1), the fewest levels that hold all.
  let capacity = maxPerLevel;
  while (capacity * maxPerLevel < items.length) capacity *= maxPerLevel;
  const groupCount = Math.ceil(items.length / capacity);
  const size = Math.ceil(items.length / groupCount);
  const groups: Array<TrayGroup<T>> = [];
  for (let start = 0; start < items.length; start += size) {
    const slice = items.slice(start, start + size);
    const first = nameOf(slice[0] as T);
    const last = nameOf(slice[slice.length - 1] as T);
    const range = first === last ? shortName(first) : `${shortName(first)} – ${shortName(last)}`;
    groups.push({ label: `${range} (${slice.length})`, count: slice.length, list: splitList(slice, nameOf, maxPerLevel) });
  }
  return { kind: 'groups', groups };
}

/** Names in a person's order: case and accents aside, numbers as numbers ("Server 2" before "Server 10"). */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The items sorted by name (a split list's ranges only make sense in name order). */
export function byName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
}

/** Every item of a list, in order. */
export function listItems<T>(list: TrayList<T>): T[] {
  return list.kind === 'servers' ? list.items : list.groups.flatMap((g) => listItems(g.list));
}

/** The most entries any level of the list holds (the unit tables hold it to MAX_MENU_LEVEL). */
export function widestLevel<T>(list: TrayList<T>): number {
  if (list.kind === 'servers') return list.items.length;
  return Math.max(list.groups.length, ...list.groups.map((g) => widestLevel(g.list)));
}

/** How many levels deep the list goes (1: servers right there). */
export function depth<T>(list: TrayList<T>): number {
  return list.kind === 'servers' ? 1 : 1 + Math.max(...list.groups.map((g) => depth(g.list)));
}
