/**
 * A menu as the user sees it at one moment (what the tray shows on Linux after `setContextMenu`),
 * and clicking in it by label path like a user: hidden or disabled items cannot be clicked, and a
 * path that does not match says what the menu offers instead.
 */
import type { KeyboardEvent } from 'electron';
import type { ClickMenuParams, LabelMatcher } from '../shared/protocol';
import type { MenuNode } from '../shared/snapshot';
import { doubleContext } from './context';
import { createEvent } from './event';
import type { Menu, MenuItem } from './menu';
import { toImage } from './native-image';

/** One captured item with the live MenuItem it came from. */
export interface ViewEntry {
  node: MenuNode;
  item: MenuItem;
  children?: ViewEntry[];
}

/** A menu captured at one moment. */
export interface MenuView {
  menu: Menu;
  entries: ViewEntry[];
}

function describeItem(item: MenuItem, checked: boolean): MenuNode {
  const node: MenuNode = { label: item.label, type: item.type, enabled: item.enabled, visible: item.visible, checked };
  if (item.role) node.role = item.role;
  if (item.id) node.id = item.id;
  if (item.sublabel) node.sublabel = item.sublabel;
  if (item.toolTip) node.toolTip = item.toolTip;
  if (item.accelerator) node.accelerator = item.accelerator;
  if (item.icon !== undefined) node.icon = toImage(item.icon).toRef();
  return node;
}

/** Captures `menu` now. A radio group with nothing checked shows its first item checked, as on screen. */
export function captureMenu(menu: Menu): MenuView {
  const entries = menu.items.map((item): ViewEntry => {
    const shownChecked = item.checked || (item.radioGroup?.[0] === item && !item.radioGroup.some((other) => other.checked));
    const entry: ViewEntry = { node: describeItem(item, shownChecked), item };
    if (item.submenu) {
      entry.children = captureMenu(item.submenu).entries;
      entry.node.submenu = entry.children.map((child) => child.node);
    }
    return entry;
  });
  return { menu, entries };
}

/** The plain tree for the snapshot. */
export function menuNodes(view: MenuView | null): MenuNode[] | null {
  return view ? view.entries.map((entry) => entry.node) : null;
}

function matches(label: string, matcher: LabelMatcher): boolean {
  return typeof matcher === 'string' ? label === matcher : matcher.test(label);
}

function pick(entries: ViewEntry[], matcher: LabelMatcher, trail: string): ViewEntry {
  const found = entries.filter((entry) => entry.node.type !== 'separator' && matches(entry.node.label, matcher));
  const where = trail ? ` under "${trail}"` : '';
  if (found.length === 0) {
    const offered = entries.filter((entry) => entry.node.type !== 'separator').map((entry) => JSON.stringify(entry.node.label));
    throw new Error(`no menu item ${String(matcher)}${where}; the menu has ${offered.join(', ') || 'no items'}`);
  }
  if (found.length > 1) throw new Error(`menu item ${String(matcher)}${where} is ambiguous (${found.length} items match)`);
  const entry = found[0] as ViewEntry;
  if (!entry.node.visible) throw new Error(`menu item "${entry.node.label}"${where} is hidden (visible: false); a user cannot click it`);
  if (!entry.node.enabled) throw new Error(`menu item "${entry.node.label}"${where} is disabled; a user cannot click it`);
  return entry;
}

/** Opens the menus along `path` and clicks its last item, like a user would. */
export function clickMenuPath(view: MenuView, params: Pick<ClickMenuParams, 'path' | 'modifiers'>): void {
  if (params.path.length === 0) throw new Error('empty menu path');
  const opened: Menu[] = [view.menu];
  let entries = view.entries;
  let trail = '';
  let target: ViewEntry | undefined;
  for (const [index, matcher] of params.path.entries()) {
    target = pick(entries, matcher, trail);
    trail = trail ? `${trail} › ${target.node.label}` : target.node.label;
    const isLast = index === params.path.length - 1;
    if (isLast && target.children) throw new Error(`"${trail}" is a submenu; the path must end at one of its items`);
    if (!isLast && !target.children) throw new Error(`"${trail}" has no submenu`);
    if (!isLast && target.item.submenu) opened.push(target.item.submenu);
    entries = target.children ?? [];
  }
  for (const menu of opened) menu.willShow();
  const event: KeyboardEvent = { triggeredByAccelerator: false, ...params.modifiers };
  try {
    (target as ViewEntry).item.click(event, doubleContext().focusedWindow());
  } finally {
    for (const menu of opened.reverse()) menu.emit('menu-will-close', createEvent());
  }
}
