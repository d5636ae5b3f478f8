/**
 * Starting the simulated panel and a client for it in integration tests. Fast ticks keep power
 * transitions quick; every start is paired with a stop in the caller's afterAll.
 */
import { PanelClient } from '../../src/core/api/client';
import { startSimPanel } from '../../src/sim';
import type { SimPanel, SimPanelOptions } from '../../src/sim/types';
import { simVersionDefaults } from './sim-versions';

/** A sim whose state machine ticks every 50 ms, so a start reaches `running` in ~100 ms; `version` defaults to SIM_VERSION. */
export function startTestSim(options: SimPanelOptions = {}): Promise<SimPanel> {
  return startSimPanel({ tickMs: 50, statsIntervalMs: 200, ...simVersionDefaults(), ...options });
}

/** A client for the sim's current key. */
export function clientFor(sim: SimPanel, apiKey = sim.apiKey): PanelClient {
  return new PanelClient({ url: sim.url, apiKey });
}

/** The identifier of the sim's n-th server. */
export function serverId(sim: SimPanel, index = 0): string {
  const server = sim.control.servers()[index];
  if (server === undefined) throw new Error(`the sim has no server #${index}`);
  return server.identifier;
}
