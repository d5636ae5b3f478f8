/** The activity channels (src/shared/ipc/activity.ts) as thin calls into the panel client and main's services. */
import type { ActivityChannels } from '../../../shared/ipc/activity';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

export function activityHandlers(ports: HandlerPorts): Pick<Handlers, keyof ActivityChannels> {
  void ports;
  return {};
}
