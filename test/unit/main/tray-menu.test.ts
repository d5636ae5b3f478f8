/**
 * The tray menu for 1 to 1,000 servers (issue 15): attention first, then favourites, then each
 * panel (a submenu once there are more than a few servers), long lists split by name so that no
 * level holds more than about 25 entries, the counts in the labels, and "Pin to favourites".
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildTrayModel, type TrayServerFlags } from '../../../src/core/tray/tray-model';
import { MAX_MENU_LEVEL, splitList, widestLevel, depth, listItems } from '../../../src/core/tray/tray-layout';
import { trayMenuTemplate, type TrayActions } from '../../../src/main/tray/tray-menu';
import type { AccountView, ServerView } from '../../../src/shared/types';
import { account as accountView, server as serverView } from '../core/tray/tray-fixtures';

const account = (id: string, name: string): AccountView => accountView({ id, name });

const server = (accountId: string, index: number, over: Partial<ServerView> = {}): ServerView =>
  serverView({
    accountId,
    identifier: `s${String(index).padStart(7, '0')}`,
    name: `Server ${index}`,
    state: index % 3 === 0 ? 'offline' : 'running',
    address: null,
    sftp: null,
    ...over,
  });

/** Servers 1..n of one panel; server 2 crashed, 4 on an unreachable node, 6 offline that should run; 5 and 7 pinned. */
function menuFor(count: number) {
  const servers = Array.from({ length: count }, (_, i) => server('a1', i + 1, i + 1 === 4 ? { availability: 'node-unreachable' } : {}));
  const key = (n: number) => `a1/s${String(n).padStart(7, '0')}`;
  const flags: TrayServerFlags = { crashed: new Set([key(2)]), shouldRun: new Set([key(6)]) };
  const model = buildTrayModel({ accounts: [account('a1', 'Home')], servers, flags, isPaused: false, favourites: [key(7), key(5)] });
  const calls: string[] = [];
  const actions = new Proxy(
    {},
    {
      get:
        (_, name) =>
        (...args: unknown[]) =>
          calls.push(`${String(name)} ${JSON.stringify(args)}`),
    },
  ) as TrayActions;
  return { model, template: trayMenuTemplate(model, actions), calls };
}

const labels = (items: readonly MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);
const sub = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const isServerMenu = (items: readonly MenuItemConstructorOptions[]) => items.some((i) => i.label === 'Open console');

/** The most entries of any level that lists servers or ranges (a server's own actions menu aside). */
function widestMenuLevel(items: readonly MenuItemConstructorOptions[], isTop = true): number {
  const own = isTop ? 0 : items.filter((i) => i.type !== 'separator').length;
  const below = items.map((i) => sub(i)).filter((s) => s.length > 0 && !isServerMenu(s));
  return Math.max(own, ...below.map((s) => widestMenuLevel(s, false)));
}

/** Every server entry anywhere in the menu (a submenu whose own submenu has "Open console"). */
function serverLabels(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => (isServerMenu(sub(i)) ? [i.label ?? ''] : serverLabels(sub(i))));
}

describe('the tray menu at 1, 25, 120 and 1,000 servers', () => {
  it.each([
    // count, top-level entries at most, levels of a panel's list, the panel's entry
    [1, 12, 1, 'Home'],
    [25, 18, 1, 'Home (17 of 25 running)'],
    [120, 18, 2, 'Home (80 of 120 running)'],
    [1000, 18, 3, 'Home (667 of 1000 running)'],
  ] as const)('%i servers', (count, topMax, levels, panelLabel) => {
    const { model, template } = menuFor(count);
    const top = labels(template);
    expect(top.length).toBeLessThanOrEqual(topMax);
    // Attention first, worst first: crashed, node unreachable, offline that should run.
    const attention = model.attention.map((i) => [i.name, i.attention]);
    expect(attention).toEqual(
      [
        ['Server 2', 'crashed'],
        ['Server 4', 'unreachable'],
        ['Server 6', 'should-run'],
      ].filter(([name]) => Number(name!.split(' ')[1]) <= count),
    );
    if (count > 1) expect(top.slice(0, 4)).toEqual([`Needs attention (${attention.length})`, '⚠ Server 2', '⚠ Server 4', '○ Server 6']);
    // Favourites next, in the order pinned.
    if (count >= 7) expect(top.slice(4, 7)).toEqual(['Favourites (2)', '● Server 7', '● Server 5']);
    expect(top).toContain(panelLabel);
    expect(depth(model.sections[0]!.list)).toBe(levels);
    expect(widestLevel(model.sections[0]!.list)).toBeLessThanOrEqual(MAX_MENU_LEVEL);
    expect(widestMenuLevel(template)).toBeLessThanOrEqual(MAX_MENU_LEVEL);
    // Every server is reachable, once under its panel (attention and favourites repeat some).
    const panelEntry = template.find((i) => i.label === panelLabel);
    const underPanel = model.isInline ? serverLabels(template).slice(model.attention.length + model.favourites.length) : serverLabels(sub(panelEntry));
    expect(underPanel).toHaveLength(count);
    expect(new Set(underPanel).size).toBe(count);
    expect(top).toContain('Find a server…');
  });

  it('splits 120 servers into five name ranges of 24, each labelled with its range and count', () => {
    const { template } = menuFor(120);
    const panel = sub(template.find((i) => i.label === 'Home (80 of 120 running)'));
    expect(labels(panel)).toEqual([
      'Server 1 – Server 24 (24)',
      'Server 25 – Server 48 (24)',
      'Server 49 – Server 72 (24)',
      'Server 73 – Server 96 (24)',
      'Server 97 – Server 120 (24)',
    ]);
    expect(labels(sub(panel[0])).slice(0, 3)).toEqual(['● Server 1', '⚠ Server 2', '○ Server 3']);
  });

  it('keeps a few servers in the top level under the panel’s title, as before', () => {
    const { template } = menuFor(1);
    expect(labels(template).slice(0, 2)).toEqual(['Home', '● Server 1']);
  });

  it('pins and unpins a favourite from the server’s own menu', () => {
    const { template, calls } = menuFor(7);
    const entries = (label: string) => template.filter((i) => i.label === label).map(sub);
    const pin = entries('● Server 1')[0]!.find((i) => i.label === 'Pin to favourites');
    pin?.click?.({} as never, undefined, {} as never);
    // Server 7 is pinned: its entry under Favourites and under the panel both offer to unpin.
    const pinned = entries('● Server 7');
    expect(pinned).toHaveLength(2);
    pinned[0]!.find((i) => i.label === 'Unpin from favourites')?.click?.({} as never, undefined, {} as never);
    expect(calls).toEqual([
      `setFavourite ${JSON.stringify([{ accountId: 'a1', identifier: 's0000001' }, true])}`,
      `setFavourite ${JSON.stringify([{ accountId: 'a1', identifier: 's0000007' }, false])}`,
    ]);
  });

  it('puts many that need attention in one submenu, split like a panel', () => {
    const servers = Array.from({ length: 60 }, (_, i) => server('a1', i + 1, { availability: 'node-unreachable' }));
    const model = buildTrayModel({ accounts: [account('a1', 'Home')], servers, flags: { crashed: new Set(), shouldRun: new Set() }, isPaused: false });
    const template = trayMenuTemplate(model, new Proxy({}, { get: () => () => undefined }) as TrayActions);
    expect(labels(template)[0]).toBe('Needs attention (60)');
    expect(labels(sub(template[0]))).toHaveLength(3);
    expect(widestMenuLevel(template)).toBeLessThanOrEqual(MAX_MENU_LEVEL);
  });

  it('leads with a panel’s own trouble when its servers are in a submenu', () => {
    const servers = Array.from({ length: 30 }, (_, i) => server('a1', i + 1));
    const model = buildTrayModel({
      accounts: [{ ...account('a1', 'Home'), status: 'unreachable' }],
      servers,
      flags: { crashed: new Set(), shouldRun: new Set() },
      isPaused: false,
    });
    const template = trayMenuTemplate(model, new Proxy({}, { get: () => () => undefined }) as TrayActions);
    expect(labels(template).slice(0, 2)).toEqual(['⚠ Home: Panel unreachable: retrying', '⚠ Home (20 of 30 running)']);
  });
});

describe('splitList', () => {
  it.each([
    [1, 1, 1],
    [25, 1, 25],
    [26, 2, 2],
    [120, 2, 5],
    [625, 2, 25],
    [626, 3, 2],
    [1000, 3, 2],
  ])('%i items: %i levels, %i entries at the top', (count, levels, top) => {
    const items = Array.from({ length: count }, (_, i) => `n${i}`);
    const list = splitList(items, (s) => s);
    expect(depth(list)).toBe(levels);
    expect(list.kind === 'servers' ? list.items.length : list.groups.length).toBe(top);
    expect(widestLevel(list)).toBeLessThanOrEqual(MAX_MENU_LEVEL);
    expect(listItems(list)).toEqual(items);
  });
});
