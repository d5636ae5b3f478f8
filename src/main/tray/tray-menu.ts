/**
 * The tray menu as an Electron menu template, built from the tray model. Kept apart from the
 * controller so the mapping from model to menu reads in one place.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayAccountSection, TrayModel, TrayServerItem } from '../../core/tray/tray-model';
import { splitList, TOP_LIST_MAX, type TrayList } from '../../core/tray/tray-layout';
import type { AppView, PowerSignal, ServerRef } from '../../shared/types';

/** What the menu's items do; main's composition root wires these to services. */
export interface TrayActions {
  power(server: ServerRef, signal: PowerSignal, name: string): void;
  open(view: AppView, server: ServerRef | null): void;
  openInPanel(server: ServerRef): void;
  copyText(text: string): void;
  /** Pins (true) or unpins a favourite. */
  setFavourite(server: ServerRef, isFavourite: boolean): void;
  /** Opens the quick-open search for a server. */
  quickOpen(): void;
  refresh(): void;
  pause(minutes: number | null): void;
  resume(): void;
  quit(): void;
}

const POWER_LABELS: Array<[PowerSignal, string]> = [
  ['start', 'Start'],
  ['stop', 'Stop'],
  ['restart', 'Restart'],
  ['kill', 'Kill…'],
];

function serverSubmenu(item: TrayServerItem, actions: TrayActions): MenuItemConstructorOptions[] {
  const ref = { accountId: item.accountId, identifier: item.identifier };
  const name = item.name;
  return [
    { label: `${name} — ${item.stateText}`, enabled: false },
    { type: 'separator' },
    ...POWER_LABELS.map(([signal, label]): MenuItemConstructorOptions => ({
      label,
      enabled: item.actions[signal],
      click: () => actions.power(ref, signal, name),
    })),
    { type: 'separator' },
    { label: 'Open console', click: () => actions.open('console', ref) },
    { label: 'Open files', click: () => actions.open('files', ref) },
    { label: 'Open stats', click: () => actions.open('stats', ref) },
    { type: 'separator' },
    { label: 'Open in panel', click: () => actions.openInPanel(ref) },
    {
      label: 'Copy SFTP address',
      enabled: item.sftpAddress !== null,
      click: () => item.sftpAddress !== null && actions.copyText(item.sftpAddress),
    },
    { type: 'separator' },
    item.isFavourite
      ? { label: 'Unpin from favourites', click: () => actions.setFavourite(ref, false) }
      : { label: 'Pin to favourites', click: () => actions.setFavourite(ref, true) },
  ];
}

function serverEntry(item: TrayServerItem, actions: TrayActions): MenuItemConstructorOptions {
  return { label: item.label, submenu: serverSubmenu(item, actions) };
}

/** A level of servers, or of name ranges each opening the next level. */
function listItems(list: TrayList<TrayServerItem>, actions: TrayActions): MenuItemConstructorOptions[] {
  if (list.kind === 'servers') return list.items.map((item) => serverEntry(item, actions));
  return list.groups.map((group) => ({ label: group.label, submenu: listItems(group.list, actions) }));
}

/**
 * A short list in the top level under its header ("Needs attention (3)"); a longer one is one
 * submenu with that label, split by name as a panel is.
 */
function topList(title: string, items: readonly TrayServerItem[], actions: TrayActions): MenuItemConstructorOptions[] {
  if (items.length === 0) return [];
  const header = `${title} (${items.length})`;
  if (items.length <= TOP_LIST_MAX) return [{ label: header, enabled: false }, ...items.map((item) => serverEntry(item, actions)), { type: 'separator' }];
  return [
    {
      label: header,
      submenu: listItems(
        splitList(items, (i) => i.name),
        actions,
      ),
    },
    { type: 'separator' },
  ];
}

/** The account's problem line and its servers (or "No servers"). */
function sectionBody(section: TrayAccountSection, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    ...(section.problem ? [{ label: `⚠ ${section.problem}`, enabled: false }] : []),
    ...(section.servers.length === 0 && !section.problem ? [{ label: 'No servers', enabled: false }] : []),
    ...listItems(section.list, actions),
  ];
}

function accountItems(model: TrayModel, actions: TrayActions): MenuItemConstructorOptions[] {
  if (model.sections.length === 0) {
    return [
      { label: 'No panel yet', enabled: false },
      { label: 'Add a panel…', click: () => actions.open('onboarding', null) },
    ];
  }
  // A panel's own trouble leads the menu too, unless its title and problem line are in the top level anyway.
  const problems = model.isInline ? [] : model.sections.flatMap((s) => (s.problem ? [{ label: `⚠ ${s.title}: ${s.problem}`, enabled: false }] : []));
  const attentionItems = topList('Needs attention', model.attention, actions);
  const attention = [...problems, ...(problems.length > 0 && attentionItems.length === 0 ? [{ type: 'separator' } as const] : []), ...attentionItems];
  const favourites = topList('Favourites', model.favourites, actions);
  // Few servers: each panel's title and its servers in the top level, as they always were.
  const panels = model.isInline
    ? model.sections.flatMap((section, index): MenuItemConstructorOptions[] => [
        ...(index > 0 ? [{ type: 'separator' } as const] : []),
        { label: section.title, enabled: false },
        ...sectionBody(section, actions),
      ])
    : model.sections.map((section): MenuItemConstructorOptions => ({ label: section.label, submenu: sectionBody(section, actions) }));
  return [...attention, ...favourites, ...panels];
}

/** "Find a server…", with its global shortcut shown beside it (the shortcut is registered globally, not by the menu). */
function findItem(model: TrayModel, actions: TrayActions): MenuItemConstructorOptions {
  const shortcut = model.quickOpenShortcut;
  return {
    label: 'Find a server…',
    ...(shortcut ? { accelerator: shortcut, registerAccelerator: false } : {}),
    click: () => actions.quickOpen(),
  };
}

/** The whole menu: accounts and their servers, then the app's own items. */
export function trayMenuTemplate(model: TrayModel, actions: TrayActions): MenuItemConstructorOptions[] {
  const pause: MenuItemConstructorOptions = model.isPaused
    ? { label: 'Resume notifications', click: () => actions.resume() }
    : {
        label: 'Pause notifications',
        submenu: [
          { label: 'For 1 hour', click: () => actions.pause(60) },
          { label: 'Until resumed', click: () => actions.pause(null) },
        ],
      };
  return [
    ...accountItems(model, actions),
    { type: 'separator' },
    ...(model.sections.length > 0 ? [findItem(model, actions)] : []),
    { label: 'Open Pterotray', click: () => actions.open('dashboard', null) },
    { label: 'Refresh now', click: () => actions.refresh() },
    pause,
    { label: 'Settings…', click: () => actions.open('settings', null) },
    { type: 'separator' },
    { label: 'Quit Pterotray', click: () => actions.quit() },
  ];
}
