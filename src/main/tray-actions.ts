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

/**
 * The tray's power items that ask first, and how. A kill asks as the panel does. A stop asks too:
 * a menu item is one slip of the pointer away from its neighbours, and a stop disconnects every
 * player with no undo, while the window's Stop sits beside the server it names. Start and
 * restart do not ask (a restart brings the server back by itself).
 */
const CONFIRMATIONS: Partial<Record<PowerSignal, { title: string; verb: string; detail: string }>> = {
  stop: { title: 'Stop server', verb: 'Stop', detail: 'Everyone playing on it is disconnected until it is started again.' },
  kill: { title: 'Kill server', verb: 'Kill', detail: 'Forcibly stopping a server can lead to data corruption.' },
};

/** Asks before a power action that needs it (CONFIRMATIONS), naming the server; true to go on. */
async function confirmPower(signal: PowerSignal, name: string): Promise<boolean> {
  const words = CONFIRMATIONS[signal];
  if (words === undefined) return true;
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    buttons: ['Cancel', words.verb],
    defaultId: 0,
    cancelId: 0,
    title: words.title,
    message: `${words.verb} ${name}?`,
    detail: words.detail,
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
        if (!(await confirmPower(signal, name))) return;
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
