import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../../../src/core/api/client-types';
import { startupHandlers } from '../../../../src/main/ipc/handlers/startup';
import type { HandlerPorts } from '../../../../src/main/ipc/handlers/ports';

const REF = { accountId: 'acc-1', identifier: 'abcd1234' };
const SFTP = { host: 'node1.example.com', port: 2022, username: 'demo.abcd1234' };

function ports(options: { isAdmin?: boolean; availability?: string; sftp?: typeof SFTP | null } = {}) {
  const calls: string[] = [];
  let availability = 'ok';
  const client = {
    reinstallServer: async () => {
      calls.push('reinstall');
      availability = options.availability ?? 'installing';
    },
    getAccount: async () => ({ isAdmin: options.isAdmin === true }),
    getStartup: async () => ({
      startupCommand: 'java -jar server.jar',
      rawStartupCommand: 'java -jar {{SERVER_JARFILE}}',
      dockerImages: { 'Java 17': 'img:17' },
      variables: [],
    }),
    getServer: async () => ({ dockerImage: 'img:17' }),
  } as unknown as ClientApi;
  const fake = {
    client: async () => client,
    monitor: {
      servers: () => [{ ...REF, availability, sftp: options.sftp === undefined ? SFTP : options.sftp }],
      refresh: async () => void calls.push('refresh'),
    },
    writeClipboard: (text: string) => void calls.push(`clipboard:${text}`),
    openSftp: async (url: string) => void calls.push(`open:${url}`),
    watchInstall: async () => (calls.push('watch-install'), () => void calls.push('stop-watch')),
  } as unknown as HandlerPorts;
  return { handlers: startupHandlers(fake), calls };
}

describe('startup handlers', () => {
  it('reads the startup page with the image in use, images as a list', async () => {
    const { handlers } = ports();
    await expect(handlers['startup:get'](REF)).resolves.toEqual({
      command: 'java -jar server.jar',
      rawCommand: 'java -jar {{SERVER_JARFILE}}',
      image: 'img:17',
      images: [{ label: 'Java 17', image: 'img:17' }],
      variables: [],
    });
  });

  it('copies SFTP details main builds from the server’s record, and opens only its sftp:// address', async () => {
    const { handlers, calls } = ports();
    await handlers['server-settings:copy-sftp']({ server: REF, field: 'address' });
    await handlers['server-settings:copy-sftp']({ server: REF, field: 'username' });
    await handlers['server-settings:open-sftp'](REF);
    expect(calls).toEqual(['clipboard:node1.example.com:2022', 'clipboard:demo.abcd1234', 'open:sftp://demo.abcd1234@node1.example.com:2022']);
  });

  it('refuses SFTP actions for a server without SFTP details', async () => {
    const { handlers, calls } = ports({ sftp: null });
    await expect(handlers['server-settings:copy-sftp']({ server: REF, field: 'address' })).rejects.toMatchObject({ kind: 'not-found' });
    expect(calls).toEqual([]);
  });

  it('reinstalls, reads the list again and answers the availability; watches the output only for a root admin', async () => {
    const owner = ports();
    await expect(owner.handlers['server-settings:reinstall'](REF)).resolves.toEqual({ availability: 'installing' });
    expect(owner.calls).toEqual(['reinstall', 'refresh']);
    const admin = ports({ isAdmin: true, availability: 'ok' });
    await expect(admin.handlers['server-settings:reinstall'](REF)).resolves.toEqual({ availability: 'ok' });
    expect(admin.calls).toEqual(['reinstall', 'watch-install', 'refresh']);
  });
});
