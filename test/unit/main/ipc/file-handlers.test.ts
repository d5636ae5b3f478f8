import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../../../src/core/api/client-types';
import { fileHandlers } from '../../../../src/main/ipc/handlers/files';
import type { HandlerPorts } from '../../../../src/main/ipc/handlers/ports';

const KNOWN = 'acc-1';
const server = (accountId: string) => ({ accountId, identifier: 'abcd1234' });

/** The ports the transfer channels use: a client that exists only for KNOWN, dialogs and transfers that record. */
function ports(picked: { save: string | null; upload: string[] | null; confirmUpload?: boolean }) {
  const calls: string[] = [];
  const fake = {
    client: async (accountId: string) => {
      if (accountId !== KNOWN) throw new Error(`No account ${accountId}`);
      return {} as ClientApi;
    },
    dialogs: {
      chooseSavePath: async (name: string) => (calls.push(`save-dialog:${name}`), picked.save),
      chooseFilesToUpload: async () => (calls.push('open-dialog'), picked.upload),
      confirmUpload: async (q: { serverName: string; directory: string; fileNames: string[] }) => (
        calls.push(`confirm:${q.serverName}:${q.directory}:${q.fileNames.join(',')}`),
        picked.confirmUpload === true
      ),
    },
    monitor: { servers: () => [{ accountId: KNOWN, identifier: 'abcd1234', name: 'Survival' }] },
    transfers: {
      download: (_ref: unknown, remote: string, local: string) => (calls.push(`download:${remote}->${local}`), 't-down'),
      upload: (_ref: unknown, dir: string, local: string) => (calls.push(`upload:${local}->${dir}`), `t-${local}`),
      cancel: () => undefined,
    },
  } as unknown as HandlerPorts;
  return { handlers: fileHandlers(fake), calls };
}

describe('file handlers: transfers', () => {
  it('checks the account before any dialog or transfer', async () => {
    const { handlers, calls } = ports({ save: '/tmp/x', upload: ['/tmp/a'] });
    await expect(handlers['files:download']({ server: server('gone'), path: '/a.txt' })).rejects.toThrow(/No account/);
    await expect(handlers['files:pick-and-upload']({ server: server('gone'), directory: '/' })).rejects.toThrow(/No account/);
    await expect(handlers['files:upload']({ server: server('gone'), directory: '/', localPaths: ['/tmp/a'] })).rejects.toThrow(/No account/);
    expect(calls).toEqual([]);
  });

  it('downloads to the place picked, under the file’s own name by default; nothing when cancelled', async () => {
    const picked = ports({ save: '/home/me/server.properties', upload: null });
    await expect(picked.handlers['files:download']({ server: server(KNOWN), path: '/cfg/server.properties' })).resolves.toEqual({ transferId: 't-down' });
    expect(picked.calls).toEqual(['save-dialog:server.properties', 'download:/cfg/server.properties->/home/me/server.properties']);
    const cancelled = ports({ save: null, upload: null });
    await expect(cancelled.handlers['files:download']({ server: server(KNOWN), path: '/a.txt' })).resolves.toBeNull();
    expect(cancelled.calls).toEqual(['save-dialog:a.txt']);
  });

  it('uploads every picked file into the folder; nothing when the dialog is cancelled or empty', async () => {
    const picked = ports({ save: null, upload: ['/tmp/a', '/tmp/b'] });
    await expect(picked.handlers['files:pick-and-upload']({ server: server(KNOWN), directory: '/plugins' })).resolves.toEqual({
      transferIds: ['t-/tmp/a', 't-/tmp/b'],
    });
    expect(picked.calls).toEqual(['open-dialog', 'upload:/tmp/a->/plugins', 'upload:/tmp/b->/plugins']);
    for (const upload of [null, []]) {
      const none = ports({ save: null, upload });
      await expect(none.handlers['files:pick-and-upload']({ server: server(KNOWN), directory: '/' })).resolves.toBeNull();
      expect(none.calls).toEqual(['open-dialog']);
    }
  });

  it('uploads dropped files only after main’s own question, naming the server and the files', async () => {
    const yes = ports({ save: null, upload: null, confirmUpload: true });
    await expect(
      yes.handlers['files:upload']({ server: server(KNOWN), directory: '/plugins', localPaths: ['/home/me/a.jar', '/home/me/b.txt'] }),
    ).resolves.toEqual({
      transferIds: ['t-/home/me/a.jar', 't-/home/me/b.txt'],
    });
    expect(yes.calls).toEqual(['confirm:Survival:/plugins:a.jar,b.txt', 'upload:/home/me/a.jar->/plugins', 'upload:/home/me/b.txt->/plugins']);
    const no = ports({ save: null, upload: null, confirmUpload: false });
    await expect(no.handlers['files:upload']({ server: server(KNOWN), directory: '/', localPaths: ['/root/.ssh/id_rsa'] })).resolves.toBeNull();
    expect(no.calls).toEqual(['confirm:Survival:/:id_rsa']);
  });
});
