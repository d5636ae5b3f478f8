// One sim version (default, or SIM_VERSION's): a corrupt settings file and a resync after sleep are the app's own, alike on every release.
/** The app survives a broken settings file and resyncs after sleep without a request storm. */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, launchBuilt, serverItem, startAppOnSim, type AppOnSim } from './helpers/app-on-sim';

describe('a settings file that is not JSON', () => {
  it('is set aside, and the app starts fresh on onboarding', async () => {
    const home = mkdtempSync(join(tmpdir(), 'pterotray-e2e-'));
    const userData = join(home, 'config', 'pterotray');
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, 'settings.json'), '{"accounts": [ this is not json');
    const app = await launchBuilt({ home });
    try {
      await app.waitFor(() => (app.tray()?.menu ?? []).some((i) => i.label === 'Add a panel…'), { timeoutMs: 15_000, message: 'tray offers to add a panel' });
      const page = await app.window();
      await page.getByRole('heading').first().waitFor();
      expect(readdirSync(userData).some((f) => /^settings\.corrupt-\d+\.json$/.test(f))).toBe(true);
    } finally {
      await app.close();
    }
  });
});

const LIST = 'GET /api/client';
const HEARTBEAT = 'GET /api/client/account';

describe.skipIf(!hasSecretService)('after sleep', () => {
  let env: AppOnSim;

  beforeAll(async () => {
    env = await startAppOnSim({ sim: { servers: 6 } });
    const servers = env.sim.control.servers();
    await env.app.waitFor(() => servers.every((s) => serverItem(env.app, s.name) !== undefined), { timeoutMs: 20_000 });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('resyncs quickly, with a bounded number of requests, and catches up on changes', async () => {
    const target = env.sim.control.servers().find((s) => s.state === 'offline');
    if (!target) throw new Error('no offline server');
    env.sim.control.resetCounts();
    env.sim.control.setState(target.identifier, 'running');
    await env.app.emitPowerMonitor('resume');
    await env.app.waitFor(() => serverItem(env.app, target.name)?.label === `● ${target.name}`, { timeoutMs: 10_000, message: 'change seen after resume' });
    // The resync is one list request, within RESYNC_JITTER_MS of the wake-up; its sockets' probes
    // are decided PROBE_TIMEOUT_MS later. The panel heartbeat (`GET /account`) comes only after
    // HEARTBEAT_MS of silence from the panel: once it is in the log, everything the resync set
    // off, a late storm included, is there before it.
    const log = () => env.sim.control.requestLog();
    await expect.poll(() => log().some((r) => r.route === LIST), { timeout: 10_000, message: 'the resync’s list request' }).toBe(true);
    const heartbeatAt = (): number => {
      const listAt = log().findIndex((r) => r.route === LIST);
      return log().findIndex((r, i) => i > listAt && r.route === HEARTBEAT);
    };
    await expect.poll(heartbeatAt, { timeout: 45_000, interval: 250, message: 'the heartbeat after the resync' }).toBeGreaterThan(0);
    const resync = log().slice(0, heartbeatAt());
    const servers = env.sim.control.servers().length;
    // At most a list refresh and one probe or token per server: no storm.
    expect(resync.length).toBeLessThanOrEqual(2 * servers + 4);
  });
});
