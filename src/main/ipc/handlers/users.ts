/** The users channels (src/shared/ipc/users.ts) as thin calls into the panel client and main's services. */
import type { UserChannels } from '../../../shared/ipc/users';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

export function usersHandlers(ports: HandlerPorts): Pick<Handlers, keyof UserChannels> {
  void ports;
  return {};
}
