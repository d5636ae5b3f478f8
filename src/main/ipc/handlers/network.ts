/** The network channels (src/shared/ipc/network.ts) as thin calls into the panel client and main's services. */
import type { NetworkChannels } from '../../../shared/ipc/network';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

export function networkHandlers(ports: HandlerPorts): Pick<Handlers, keyof NetworkChannels> {
  void ports;
  return {};
}
