/** The startup channels (src/shared/ipc/startup.ts) as thin calls into the panel client and main's services. */
import type { EggVariable } from '../../../core/api/models';
import { PanelError } from '../../../core/api/errors';
import type { SftpField, StartupChannels, StartupVariableView } from '../../../shared/ipc/startup';
import type { ServerRef } from '../../../shared/types';
import { sftpUrl } from '../../external-links';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

function variableView(v: EggVariable): StartupVariableView {
  return {
    name: v.name,
    description: v.description,
    envVariable: v.envVariable,
    serverValue: v.serverValue,
    defaultValue: v.defaultValue,
    isEditable: v.isEditable,
    rules: v.rules,
  };
}

function sftpOf(ports: HandlerPorts, ref: ServerRef): { host: string; port: number; username: string } {
  const view = ports.monitor.servers().find((s) => s.accountId === ref.accountId && s.identifier === ref.identifier);
  if (!view?.sftp) throw new PanelError({ kind: 'not-found', message: 'This server has no SFTP details.' });
  return view.sftp;
}

function sftpText(sftp: { host: string; port: number; username: string }, field: SftpField): string {
  if (field === 'username') return sftp.username;
  if (field === 'url') return sftpUrl(sftp);
  return `${sftp.host.includes(':') ? `[${sftp.host}]` : sftp.host}:${sftp.port}`;
}

export function startupHandlers(ports: HandlerPorts): Pick<Handlers, keyof StartupChannels> {
  const api = (accountId: string) => ports.client(accountId);
  return {
    'startup:get': async (ref) => {
      const client = await api(ref.accountId);
      // The image in use is on the server, not on the startup page (ServerTransformer docker_image).
      const [startup, details] = await Promise.all([
        client.getStartup(ref.identifier, { priority: 'user' }),
        client.getServer(ref.identifier, { priority: 'user' }),
      ]);
      return {
        command: startup.startupCommand,
        rawCommand: startup.rawStartupCommand,
        image: details.dockerImage,
        images: Object.entries(startup.dockerImages).map(([label, image]) => ({ label, image })),
        variables: startup.variables.map(variableView),
      };
    },
    'startup:set-variable': async ({ server, key, value }) => {
      const saved = await (await api(server.accountId)).updateStartupVariable(server.identifier, key, value, { priority: 'user' });
      return { variable: variableView(saved.variable), command: saved.startupCommand };
    },
    'startup:set-image': async ({ server, image }) => (await api(server.accountId)).setDockerImage(server.identifier, image, { priority: 'user' }),
    'server-settings:get': async (ref) => {
      const account = await (await api(ref.accountId)).getAccount({ priority: 'user' });
      return { canSeeInstallOutput: account.isAdmin };
    },
    'server-settings:rename': async ({ server, name, description }) => {
      const options = description === undefined ? { name } : { name, description };
      const outcome = await (await api(server.accountId)).renameServer(server.identifier, options, { priority: 'user' });
      // The tray, the list and the header show the new name without waiting for the next poll.
      void ports.monitor.refresh(server.accountId).catch(() => undefined);
      return { description: outcome };
    },
    'server-settings:reinstall': async (ref) => {
      const client = await api(ref.accountId);
      const account = await client.getAccount({ priority: 'user' }).catch(() => null);
      await client.reinstallServer(ref.identifier, { priority: 'user' });
      // Only a root admin's key is let through to the install's socket, and sent its output. It
      // joins after the 202, so lines the script prints before it is authenticated are missed
      // (Wings does not replay install output); opening it first kept the list from learning
      // that the install ended in the sim (left for later).
      if (account?.isAdmin) void ports.watchInstall(ref);
      // A fresh list, so the window knows the install started (or a quick one already ended).
      await ports.monitor.refresh(ref.accountId).catch(() => undefined);
      const view = ports.monitor.servers().find((s) => s.accountId === ref.accountId && s.identifier === ref.identifier);
      return { availability: view?.availability ?? null };
    },
    'server-settings:copy-sftp': async ({ server, field }) => ports.writeClipboard(sftpText(sftpOf(ports, server), field)),
    'server-settings:open-sftp': async (ref) => ports.openSftp(sftpUrl(sftpOf(ports, ref))),
  };
}
