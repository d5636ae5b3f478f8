import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimPanel, type SimPanel } from '../../src/sim';
import { assertCliBuilt, runCliProcess as runCli } from '../helpers/cli-process';

// `pterotray --account <name>` reads the app's settings file and the key from the real keychain
// (a private GNOME Keyring started by with-secret-service.sh). Nothing is mocked.
const hasSecretService = process.env.PTEROTRAY_SECRET_SERVICE === 'gnome-keyring';

describe.skipIf(!hasSecretService)('the CLI with a saved account', () => {
  let sim: SimPanel;
  let configDir: string;
  const accountId = `cli-test-${randomUUID()}`;

  beforeAll(async () => {
    assertCliBuilt();
    sim = await startSimPanel({ servers: 3, seed: 5 });
    configDir = mkdtempSync(join(tmpdir(), 'pterotray-config-'));
    writeFileSync(
      join(configDir, 'settings.json'),
      JSON.stringify({ version: 2, accounts: [{ id: accountId, name: 'Home Panel', url: sim.url, keyStorage: 'keychain' }] }),
    );
    await keytar.setPassword('pterotray', accountId, sim.apiKey);
  });

  afterAll(async () => {
    await keytar.deletePassword('pterotray', accountId);
    rmSync(configDir, { recursive: true, force: true });
    await sim?.close();
  });

  it('lists the servers of the account named case-insensitively, without printing the key', async () => {
    const result = await runCli(['--account', 'home panel', 'servers', '--json'], { env: { PTEROTRAY_CONFIG_DIR: configDir } });
    expect(result.code).toBe(0);
    const listed = (JSON.parse(result.stdout) as Array<{ identifier: string }>).map((s) => s.identifier).sort();
    expect(listed).toEqual(
      sim.control
        .servers()
        .map((s) => s.identifier)
        .sort(),
    );
    expect(result.stdout + result.stderr).not.toContain(sim.apiKey.slice(16));
  });

  it('says so when the keychain has no key for the account', async () => {
    await keytar.deletePassword('pterotray', accountId);
    const result = await runCli(['--account', 'Home Panel', 'account'], { env: { PTEROTRAY_CONFIG_DIR: configDir } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the keychain has no key for 'Home Panel'");
    await keytar.setPassword('pterotray', accountId, sim.apiKey);
  });
});
