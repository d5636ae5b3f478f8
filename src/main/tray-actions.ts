/** What the tray's items do, wired to the app's services. */
import { clipboard, dialog } from 'electron';
import type { TrayActions } from './tray/tray-menu';
import type { Logger } from '../core/util/deps';
import type { AppView, PowerSignal, ServerRef } from '../shared/types';

export interface TrayActionDeps {
  power(ref: ServerRef, signal: PowerSignal): Promise<void>;
  showWindow(view: AppView, server: ServerRef | null): void;
  openInPanel(ref: ServerRef): Promise<void>;
  refresh(): Promise<void>;
  pause(minutes: number | null): void;
  resume(): void;
  quit(): void;
  /** Tells the person an action failed (a notification: the tray has no other voice). */
  reportFailure(title: string, message: string): void;
  logger: Logger;
}

/** Asks before a kill, as the panel does. */
async function confirmKill(name: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    buttons: ['Cancel', 'Kill'],
    defaultId: 0,
    cancelId: 0,
    title: 'Kill server',
    message: `Kill ${name}?`,
    detail: 'Forcibly stopping a server can lead to data corruption.',
  });
  return response === 1;
}

export function createTrayActions(deps: TrayActionDeps): TrayActions {
  const attempt = (title: string, work: () => Promise<void>): void => {
    work().catch((error: unknown) => deps.reportFailure(title, error instanceof Error ? error.message : 'Unknown error'));
  };
  return {
    power: (ref, signal, name) =>
      attempt(`Could not ${signal} ${name}`, async () => {
        if (signal === 'kill' && !(await confirmKill(name))) return;
        await deps.power(ref, signal);
      }),
    open: (view, server) => deps.showWindow(view, server),
    openInPanel: (ref) => attempt('Could not open the panel', () => deps.openInPanel(ref)),
    copyText: (text) => clipboard.writeText(text),
    refresh: () => attempt('Could not refresh', () => deps.refresh()),
    pause: (minutes) => deps.pause(minutes),
    resume: () => deps.resume(),
    quit: () => deps.quit(),
  };
}
