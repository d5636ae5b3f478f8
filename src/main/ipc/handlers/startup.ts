/** The startup channels (src/shared/ipc/startup.ts) as thin calls into the panel client and main's services. */
import type { StartupChannels } from '../../../shared/ipc/startup';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

export function startupHandlers(ports: HandlerPorts): Pick<Handlers, keyof StartupChannels> {
  void ports;
  return {};
}
