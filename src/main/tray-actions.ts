/** What the tray's items do, wired to the app's services. */
import { clipboard, dialog } from 'electron';
import type { TrayActions } from './tray/tray-menu';
import { isPanelError } from '../core/api/errors';
import { MAX_FAVOURITES } from '../core/settings/schema';
import type { TrayFailure } from '../core/rules/failure-notice';
import type { Logger } from '../core/util/deps';
import type { AppView, PowerSignal, ServerRef } from '../shared/types';

export interface TrayActionDeps {
  power(ref: ServerRef, signal: PowerSignal): Promise<void>;
  showWindow(view: AppView, server: ServerRef | null): void;
  openInPanel(ref: ServerRef): Promise<void>;
  refresh(): Promise<void>;
  /** Pins or unpins a favourite; 'too-many' when the list is full. */
  setFavourite(ref: ServerRef, isFavourite: boolean): 'ok' | 'too-many';
  /** Opens the quick-open search. */
  quickOpen(): void;
  pause(minutes: number | null): void;
  resume(): void;
  quit(): void;
  /**
   * Tells the person an action failed (a notification: the tray has no other voice). It gets the
   * error itself, not its message: a panel's message is the panel's text (failure-notice.ts).
   */
  reportFailure(failure: TrayFailure, error: unknown): void;
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

/** The favourites are full: the tray has no other voice than a dialog for a choice it refused. */
async function tooManyFavourites(): Promise<void> {
  await dialog.showMessageBox({
    type: 'info',
    buttons: ['OK'],
    title: 'Favourites are full',
    message: `At most ${MAX_FAVOURITES} servers can be favourites.`,
    detail: 'Unpin one first, from its tray menu or the dashboard.',
  });
}

export function createTrayActions(deps: TrayActionDeps): TrayActions {
  const attempt = (failure: TrayFailure, work: () => Promise<void>): void => {
    work().catch((error: unknown) => {
      const what = isPanelError(error) ? { kind: error.kind, status: error.status, code: error.code } : { kind: 'internal' };
      deps.logger.warn('tray: an action failed', { action: failure.action, ...what });
      deps.reportFailure(failure, error);
    });
  };
  return {
    power: (ref, signal, name) =>
      attempt({ action: 'power', signal, server: { ...ref, name } }, async () => {
        if (signal === 'kill' && !(await confirmKill(name))) return;
        await deps.power(ref, signal);
      }),
    open: (view, server) => deps.showWindow(view, server),
    openInPanel: (ref) => attempt({ action: 'open-in-panel', server: ref }, () => deps.openInPanel(ref)),
    copyText: (text) => clipboard.writeText(text),
    setFavourite: (ref, isFavourite) => {
      if (deps.setFavourite(ref, isFavourite) === 'too-many') void tooManyFavourites();
    },
    quickOpen: () => deps.quickOpen(),
    refresh: () => attempt({ action: 'refresh' }, () => deps.refresh()),
    pause: (minutes) => deps.pause(minutes),
    resume: () => deps.resume(),
    quit: () => deps.quit(),
  };
}
