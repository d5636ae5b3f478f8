/** The schedules channels (src/shared/ipc/schedules.ts) as thin calls into the panel client and main's services. */
import type { ScheduleChannels } from '../../../shared/ipc/schedules';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

export function schedulesHandlers(ports: HandlerPorts): Pick<Handlers, keyof ScheduleChannels> {
  void ports;
  return {};
}
