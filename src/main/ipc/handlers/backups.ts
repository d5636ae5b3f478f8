/** The backups channels (src/shared/ipc/backups.ts) as thin calls into the panel client and main's services. */
import type { BackupChannels } from '../../../shared/ipc/backups';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

export function backupsHandlers(ports: HandlerPorts): Pick<Handlers, keyof BackupChannels> {
  void ports;
  return {};
}
