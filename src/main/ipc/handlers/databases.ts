/** The databases channels (src/shared/ipc/databases.ts) as thin calls into the panel client and main's services. */
import type { DatabaseChannels } from '../../../shared/ipc/databases';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

export function databasesHandlers(ports: HandlerPorts): Pick<Handlers, keyof DatabaseChannels> {
  void ports;
  return {};
}
