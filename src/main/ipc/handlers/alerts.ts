/** The alerts channels (src/shared/ipc/alerts.ts) as thin calls into main's AlertsService. */
import type { AlertChannels } from '../../../shared/ipc/alerts';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

export function alertsHandlers(ports: HandlerPorts): Pick<Handlers, keyof AlertChannels> {
  return {
    'alerts:list': () => ports.alerts.views(),
    // A new place for alerts to go is asked about in main's own dialog first, which no page can
    // answer (gesture-contract.ts): a hostile page must not route the timeline to its own server.
    'alerts:save': async (input) => {
      const destination = await ports.alerts.destinationOf(input);
      if (destination && !(await ports.alerts.confirmDestination(destination))) return null;
      return ports.alerts.save(input);
    },
    'alerts:remove': ({ channelId }) => ports.alerts.remove(channelId),
    'alerts:test': ({ channelId }) => ports.alerts.test(channelId),
  };
}
