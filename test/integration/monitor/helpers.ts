/** A real ServerMonitor (PanelClient + WingsSocket) against a real simulated panel. */
import { PanelClient } from '../../../src/core/api/client';
import { ServerMonitor, type MonitorAccount, type MonitorSettings } from '../../../src/core/monitor';
import type { NotifiableEvent } from '../../../src/core/rules/notification-policy';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/schema';
import { startSimPanel, type SimPanel, type SimPanelOptions } from '../../../src/sim';
import type { ServerView } from '../../../src/shared/types';
import { simVersionDefaults } from '../../helpers/sim-versions';

export const ACCOUNT_ID = 'sim';

export interface MonitorRig {
  sim: SimPanel;
  monitor: ServerMonitor;
  events: NotifiableEvent[];
  clients: PanelClient[];
  view(identifier: string): ServerView | undefined;
  /** Resolves once `predicate` holds, checked after every monitor event; rejects after `timeoutMs`. */
  until(what: string, predicate: () => boolean, timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

/** Resolves once `predicate` holds, checked after every monitor event; rejects after `timeoutMs`. */
function untilFor(monitor: ServerMonitor) {
  return (what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<number> => {
    const startedAt = Date.now();
    return new Promise<number>((resolve, reject) => {
      const offs: Array<() => void> = [];
      const done = (err?: Error): void => {
        for (const off of offs) off();
        clearTimeout(timer);
        if (err) reject(err);
        else resolve(Date.now() - startedAt);
      };
      const check = (): void => {
        if (predicate()) done();
      };
      const timer = setTimeout(() => done(new Error(`timed out waiting for ${what}`)), timeoutMs);
      offs.push(monitor.on('changed', check), monitor.on('event', check), monitor.on('stats', check), monitor.on('console-connection', check));
      check();
    });
  };
}

/** A monitor on a fresh sim; the sim's `version` defaults to SIM_VERSION. */
export async function startRig(simOptions: SimPanelOptions, settings: Partial<MonitorSettings> = {}): Promise<MonitorRig> {
  const sim = await startSimPanel({ tickMs: 100, statsIntervalMs: 250, ...simVersionDefaults(), ...simOptions });
  const clients: PanelClient[] = [];
  const monitor = new ServerMonitor({
    createClient: async () => {
      // The key is read at call time, as the app reads it from the keychain.
      const client = new PanelClient({ url: sim.url, apiKey: sim.apiKey });
      clients.push(client);
      return client;
    },
    settings: () => ({ ...DEFAULT_SETTINGS.monitor, rules: DEFAULT_SETTINGS.notifications, ...settings }),
  });
  const events: NotifiableEvent[] = [];
  monitor.on('event', (e) => events.push(e));
  const account: MonitorAccount = { id: ACCOUNT_ID, name: 'Sim', url: sim.url };
  const view = (identifier: string) => monitor.servers().find((s) => s.identifier === identifier);
  const until = untilFor(monitor);
  monitor.setAccounts([account]);
  monitor.start();
  return {
    sim,
    monitor,
    events,
    clients,
    view,
    until,
    close: async () => {
      monitor.dispose();
      await sim.close();
    },
  };
}
