/** The users channels (src/shared/ipc/users.ts) as thin calls into the panel client and main's services. */
import type { Subuser } from '../../../core/api/models';
import type { SubuserView, UserChannels } from '../../../shared/ipc/users';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

function subuserView(s: Subuser): SubuserView {
  return { uuid: s.uuid, username: s.username, email: s.email, twoFactorEnabled: s.twoFactorEnabled, permissions: [...s.permissions], createdAt: s.createdAt };
}

export function usersHandlers(ports: HandlerPorts): Pick<Handlers, keyof UserChannels> {
  const api = (accountId: string) => ports.client(accountId);
  return {
    'users:list': async (server) => (await (await api(server.accountId)).listSubusers(server.identifier)).map(subuserView),
    'users:permissions': async (server) => (await api(server.accountId)).listPermissionGroups(),
    'users:create': async ({ server, email, permissions }) =>
      subuserView(await (await api(server.accountId)).createSubuser(server.identifier, email, permissions)),
    'users:update': async ({ server, uuid, permissions }) =>
      subuserView(await (await api(server.accountId)).updateSubuser(server.identifier, uuid, permissions)),
    'users:delete': async ({ server, uuid }) => (await api(server.accountId)).deleteSubuser(server.identifier, uuid),
  };
}
