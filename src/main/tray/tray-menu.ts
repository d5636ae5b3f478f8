/**
 * The tray menu as an Electron menu template, built from the tray model. Kept apart from the
 * controller so the mapping from model to menu reads in one place.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayModel, TrayServerItem } from '../../core/tray/tray-model';
import type { AppView, PowerSignal, ServerRef } from '../../shared/types';

/** What the menu's items do; main's composition root wires these to services. */
export interface TrayActions {
  power(server: ServerRef, signal: PowerSignal, name: string): void;
  open(view: AppView, server: ServerRef | null): void;
  openInPanel(server: ServerRef): void;
  copyText(text: string): void;
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
  ];
}

function accountItems(model: TrayModel, actions: TrayActions): MenuItemConstructorOptions[] {
  if (model.sections.length === 0) {
    return [
      { label: 'No panel yet', enabled: false },
      { label: 'Add a panel…', click: () => actions.open('onboarding', null) },
    ];
  }
  return model.sections.flatMap((section, index): MenuItemConstructorOptions[] => [
    ...(index > 0 ? [{ type: 'separator' } as const] : []),
    { label: section.title, enabled: false },
    ...(section.problem ? [{ label: `⚠ ${section.problem}`, enabled: false }] : []),
    ...(section.servers.length === 0 && !section.problem ? [{ label: 'No servers', enabled: false }] : []),
    ...section.servers.map((item): MenuItemConstructorOptions => ({ label: item.label, submenu: serverSubmenu(item, actions) })),
  ]);
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
    { label: 'Open Pterotray', click: () => actions.open('dashboard', null) },
    { label: 'Refresh now', click: () => actions.refresh() },
    pause,
    { label: 'Settings…', click: () => actions.open('settings', null) },
    { type: 'separator' },
    { label: 'Quit Pterotray', click: () => actions.quit() },
  ];
}
