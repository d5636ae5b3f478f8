/**
 * The file manager's channels. Paths arrive absolute and without `..` (the wrapper checks);
 * a move is sent as the panel expects: `to` relative to `root`.
 */
import { basename, posix } from 'node:path';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

type FileChannels = Extract<keyof Handlers, `files:${string}` | `transfers:${string}`>;

/** `/a/b/c.txt` → [`/a/b`, `c.txt`]. */
function splitPath(path: string): [string, string] {
  return [posix.dirname(path), posix.basename(path)];
}

export function fileHandlers(ports: HandlerPorts): Pick<Handlers, FileChannels> {
  const api = (accountId: string) => ports.client(accountId);
  return {
    'files:list': async ({ server, directory }) => (await api(server.accountId)).listFiles(server.identifier, directory),
    'files:read': async ({ server, path }) => (await api(server.accountId)).readFile(server.identifier, path),
    'files:write': async ({ server, path, content }) => (await api(server.accountId)).writeFile(server.identifier, path, content),
    'files:rename': async ({ server, root, from, to }) => {
      // The panel resolves `to` against `root`; a relative path from root expresses any move.
      const relativeTo = posix.relative(root, to) || posix.basename(to);
      await (await api(server.accountId)).renameFiles(server.identifier, root, [{ from, to: relativeTo }]);
    },
    'files:copy': async ({ server, path }) => (await api(server.accountId)).copyFile(server.identifier, path),
    'files:delete': async ({ server, root, files }) => (await api(server.accountId)).deleteFiles(server.identifier, root, files),
    'files:create-folder': async ({ server, root, name }) => (await api(server.accountId)).createFolder(server.identifier, root, name),
    'files:compress': async ({ server, root, files }) => (await api(server.accountId)).compressFiles(server.identifier, root, files),
    'files:decompress': async ({ server, path }) => {
      const [root, file] = splitPath(path);
      await (await api(server.accountId)).decompressFile(server.identifier, root, file);
    },
    'files:chmod': async ({ server, path, mode }) => {
      const [root, file] = splitPath(path);
      await (await api(server.accountId)).chmodFiles(server.identifier, root, [{ file, mode }]);
    },
    // Transfers check the account before anything else: a call naming no account gets its typed
    // error, never a native dialog first.
    'files:download': async ({ server, path }) => {
      await api(server.accountId);
      const destination = await ports.dialogs.chooseSavePath(posix.basename(path));
      if (destination === null) return null;
      return { transferId: ports.transfers.download(server, path, destination) };
    },
    // A drop: the preload turned the drop's Files into paths, but main cannot see the drop, so it
    // asks in its own dialog before anything is read (issue 11; gesture-contract.ts).
    'files:upload': async ({ server, directory, localPaths }) => {
      await api(server.accountId);
      const view = ports.monitor.servers().find((s) => s.accountId === server.accountId && s.identifier === server.identifier);
      const fileNames = localPaths.map((local) => basename(local));
      if (!(await ports.dialogs.confirmUpload({ serverName: view?.name ?? server.identifier, directory, fileNames }))) return null;
      return { transferIds: localPaths.map((local) => ports.transfers.upload(server, directory, local)) };
    },
    'files:pick-and-upload': async ({ server, directory }) => {
      await api(server.accountId);
      const picked = await ports.dialogs.chooseFilesToUpload();
      if (picked === null || picked.length === 0) return null;
      return { transferIds: picked.map((local) => ports.transfers.upload(server, directory, local)) };
    },
    'transfers:cancel': ({ transferId }) => ports.transfers.cancel(transferId),
  };
}
