/**
 * Every IPC handler, one per contract channel, as thin calls into main's services. Arguments
 * arrive validated by the wrapper; results are view models without keys.
 */
import { favouriteChange } from '../../../core/settings/favourites';
import { pausePatch, resumePatch } from '../../../core/settings/notice-rules';
import { MAX_FAVOURITES } from '../../../core/settings/schema';
import { serverKey } from '../../../shared/server-key';
import type { Handlers } from '../register-handlers';
import { HandlerError } from '../to-ipc-error';
import { normalizePanelUrl } from '../../../core/api/base-url';
import { PanelError } from '../../../core/api/errors';
import { PLAIN_HTTP_WARNING, isPlainNetworkAddress } from '../../../shared/transport';
import { fileHandlers } from './files';
import { activityHandlers } from './activity';
import { backupsHandlers } from './backups';
import { databasesHandlers } from './databases';
import { networkHandlers } from './network';
import { schedulesHandlers } from './schedules';
import { startupHandlers } from './startup';
import { usersHandlers } from './users';
import { incidentsHandlers } from './incidents';
import { historyHandlers } from './history';
// ── alerts (issue 14) ──
import { alertsHandlers } from './alerts';
// ── console (issue 15) ──
import { consoleViewHandlers } from './console-view';
import type { HandlerPorts } from './ports';
import type { AccountView } from '../../../shared/types';

function viewOf(ports: HandlerPorts, accountId: string): AccountView {
  const view = ports.accountViews().find((a) => a.id === accountId);
  if (!view) throw new HandlerError('unknown-account', 'That panel is no longer configured.');
  return view;
}

/** Builds the handler table from the services. */
export function createHandlers(ports: HandlerPorts): Handlers {
  return {
    'accounts:list': () => ports.accountViews(),
    'accounts:check': async ({ url, apiKey, allowPlainHttp }) => {
      const r = await ports.accounts.check(url, apiKey, allowPlainHttp === true);
      return { username: r.username, email: r.email, isAdmin: r.isAdmin, serverCount: r.serverCount };
    },
    // A new panel gets the key and the app's attention (its servers in the tray, uploads aimed at
    // it): main asks in its own dialog first, which no page can answer (gesture-contract.ts).
    'accounts:add': async (input) => {
      const url = normalizePanelUrl(input.url);
      const isPlainHttp = isPlainNetworkAddress(url);
      // Plain http off this machine needs the form's explicit choice too; refused before asking.
      if (isPlainHttp && input.allowPlainHttp !== true)
        throw new PanelError({
          kind: 'insecure-transport',
          message: `${PLAIN_HTTP_WARNING} Use the panel's https:// address, or choose to send the key without encryption.`,
        });
      const name = input.name.trim() || new URL(url).host;
      if (!(await ports.dialogs.confirmAddPanel({ name, url, isPlainHttp }))) return null;
      return viewOf(ports, (await ports.accounts.add(input)).id);
    },
    'accounts:rename': ({ accountId, name }) => viewOf(ports, ports.accounts.rename(accountId, name).id),
    'accounts:remove': ({ accountId }) => ports.accounts.remove(accountId),
    'accounts:use-demo': async () => viewOf(ports, (await ports.startDemo()).id),

    'servers:list': () => ports.monitor.servers(),
    'servers:refresh': () => ports.monitor.refresh(),
    'servers:power': ({ server, signal }) => ports.monitor.power(server, signal),
    'servers:open-in-panel': (ref) => ports.openInPanel(ref),
    'servers:attention': ({ onScreen }) => ports.reportOnScreen(onScreen.map(serverKey)),
    'servers:favourite': async ({ server, isFavourite }) => {
      // Only a server the monitor lists can be marked; unmarking cleans up one that is gone.
      const isKnown = ports.monitor.servers().some((s) => s.accountId === server.accountId && s.identifier === server.identifier);
      if (isFavourite && !isKnown) throw new HandlerError('unknown-server', 'That server is not on any configured panel.');
      const change = favouriteChange(ports.settings.settings().favourites, serverKey(server), isFavourite);
      if ('problem' in change) throw new HandlerError('invalid-argument', `At most ${MAX_FAVOURITES} servers can be favourites: unmark one first.`);
      return ports.settings.update(change);
    },
    'servers:permissions': async (ref) => {
      const details = await (await ports.client(ref.accountId)).getServer(ref.identifier, { priority: 'user' });
      return { isOwner: details.isServerOwner, permissions: details.userPermissions };
    },
    'features:accept': ({ server, feature }) => ports.monitor.acceptFeature(server, feature),
    'features:dismiss': ({ server, feature }) => ports.monitor.dismissFeature(server, feature),
    'features:open-terms': ({ feature }) => ports.openTerms(feature),

    'stats:history': (ref) => ports.monitor.history(ref),

    'console:attach': (ref) => {
      ports.console.attach(ref);
      return { backlog: ports.monitor.consoleBacklog(ref), connection: ports.monitor.consoleConnection(ref) };
    },
    'console:detach': (ref) => ports.console.detach(ref),
    'console:send': async ({ server, command }) => {
      ports.commandHistory.push(server, command);
      await ports.monitor.sendCommand(server, command);
    },
    'console:history': (ref) => ports.commandHistory.get(ref),

    ...fileHandlers(ports),
    ...backupsHandlers(ports),
    ...schedulesHandlers(ports),
    ...startupHandlers(ports),
    ...databasesHandlers(ports),
    ...networkHandlers(ports),
    ...usersHandlers(ports),
    ...activityHandlers(ports),
    // ── incidents (issue 14) ──
    ...incidentsHandlers(ports),
    // ── history (issue 14) ──
    ...historyHandlers(ports),
    // ── alerts (issue 14) ──
    ...alertsHandlers(ports),
    // ── console (issue 15) ──
    ...consoleViewHandlers(ports),

    'settings:get': () => ports.settings.settings(),
    'app:desktop': () => ports.desktop(),
    'settings:update': (patch) => ports.settings.update(patch),
    'notifications:pause': ({ minutes }) => ports.settings.update(pausePatch(ports.settings.settings().notifications, minutes, ports.now())),
    'notifications:resume': () => ports.settings.update(resumePatch(ports.settings.settings().notifications)),
    'notifications:status': () => ports.notificationStatus(),
  };
}
