import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimPanel, type SimPanel } from '../../src/sim';
import { assertCliBuilt, CliSession } from '../helpers/cli-process';

// `pterotray daemon` without a config file: the app's saved accounts from its settings file, each
// key from the real keychain (a private GNOME Keyring started by with-secret-service.sh), the
// history in the app's folder, under the app's own account id. Nothing is mocked.
const hasSecretService = process.env.PTEROTRAY_SECRET_SERVICE === 'gnome-keyring';

describe.skipIf(!hasSecretService)('pterotray daemon with the app’s saved accounts', () => {
  let sim: SimPanel;
  let configDir: string;
  const withKey = `daemon-test-${randomUUID()}`;
  const withoutKey = `daemon-test-${randomUUID()}`;
  const sessions: CliSession[] = [];

  beforeAll(async () => {
    assertCliBuilt();
    sim = await startSimPanel({ servers: 2, seed: 41 });
    configDir = mkdtempSync(join(tmpdir(), 'pterotray-config-'));
    writeFileSync(
      join(configDir, 'settings.json'),
      JSON.stringify({
        version: 2,
        accounts: [
          { id: withKey, name: 'Home Panel', url: sim.url, keyStorage: 'keychain' },
          { id: withoutKey, name: 'Old Panel', url: 'https://old.example.com', keyStorage: 'keychain' },
        ],
      }),
    );
    await keytar.setPassword('pterotray', withKey, sim.apiKey);
  });

  afterEach(() => {
    for (const s of sessions.splice(0)) s.kill();
  });

  afterAll(async () => {
    await keytar.deletePassword('pterotray', withKey);
    rmSync(configDir, { recursive: true, force: true });
    await sim?.close();
  });

  it('watches the account whose key is in the keychain, says which it left out, and stops with exit 0', async () => {
    const cli = new CliSession(['daemon'], { env: { PTEROTRAY_CONFIG_DIR: configDir } });
    sessions.push(cli);
    await cli.waitForLine('stdout', (l) => l.includes("  warn  config  'Old Panel' left out: the keychain has no key for it"));
    const started = await cli.waitForLine('stdout', (l) => l.includes('  started  '));
    expect(started).toContain(`watching 1 panel (Home Panel) from the app's saved accounts; history in ${join(configDir, 'history.sqlite')}`);
    const id = sim.control.servers()[0]?.identifier ?? '';
    await cli.waitForLine('stdout', (l) => l.includes(`  state  Home Panel  ${id}  `));
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.allOutput()).not.toContain(sim.apiKey.slice(16));
  });
});
