/**
 * Power actions the person asks for through the app, told to the notice center first so the
 * state changes they cause become one confirmation or none (issue 15, item 5), never "went down".
 */
import type { NoticeCenter } from '../core/rules/notice-center';
import type { PowerSignal, ServerRef } from '../shared/types';
import type { MonitorPort } from './ipc/handlers/ports';

type Power = (ref: ServerRef, signal: PowerSignal) => Promise<void>;

/** `power` that registers the ask; a refused ask is forgotten, so later changes are told as anyone's. */
export function ownPower(notices: Pick<NoticeCenter, 'expectOwnAction' | 'forgetOwnAction'>, power: Power, source: 'tray' | 'window'): Power {
  return async (ref, signal) => {
    // The tray has no other voice: its asks are confirmed. The window shows the state as it changes.
    notices.expectOwnAction(ref, { signal, shouldConfirm: source === 'tray' });
    try {
      await power(ref, signal);
    } catch (error) {
      notices.forgetOwnAction(ref);
      throw error;
    }
  };
}

/** The monitor as the window's handlers use it, its power asks registered as the person's. */
export function windowMonitor(monitor: MonitorPort, notices: Pick<NoticeCenter, 'expectOwnAction' | 'forgetOwnAction'>): MonitorPort {
  return {
    servers: () => monitor.servers(),
    accounts: () => monitor.accounts(),
    refresh: (accountId) => monitor.refresh(accountId),
    power: ownPower(notices, (ref, signal) => monitor.power(ref, signal), 'window'),
    sendCommand: (ref, command) => monitor.sendCommand(ref, command),
    acceptFeature: (ref, feature) => monitor.acceptFeature(ref, feature),
    dismissFeature: (ref, feature) => monitor.dismissFeature(ref, feature),
    history: (ref) => monitor.history(ref),
    consoleBacklog: (ref) => monitor.consoleBacklog(ref),
    consoleConnection: (ref) => monitor.consoleConnection(ref),
  };
}
