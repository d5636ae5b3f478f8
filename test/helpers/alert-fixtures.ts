/** Incidents and channels for the alerts' tests (unit, integration, the daemon's). */
import type { ChannelConfig } from '../../src/core/alerts/types';
import type { Incident } from '../../src/core/incidents/types';

let counter = 0;

/** A crash of Survival 1 on the demo panel, unique per call unless `id` is given. */
export function crashIncident(over: Partial<Incident> = {}): Incident {
  counter += 1;
  return {
    id: `crash:acc1/abcd1234:${1_000 + counter}:${counter}`,
    at: Date.UTC(2026, 11, 4, 1, 0, 0) + counter,
    kind: 'crash',
    severity: 'critical',
    accountId: 'acc1',
    accountName: 'Demo panel',
    server: { identifier: 'abcd1234', name: 'Survival 1' },
    node: 'Node 1',
    title: 'Survival 1 crashed',
    detail: 'Wings is restarting it.',
    actor: null,
    source: 'app',
    crash: { exitCode: 137, oomKilled: true, lastLines: ['[12:00:01] Saving chunks', 'java.lang.OutOfMemoryError: Java heap space'], reaction: 'restarting' },
    ...over,
  };
}

/** A channel taking everything, at no quiet hours. */
export function channel(over: Partial<ChannelConfig> = {}): ChannelConfig {
  const kind = over.kind ?? 'discord';
  return {
    id: over.id ?? `ch-${kind}`,
    kind,
    name: `${kind} channel`,
    isEnabled: true,
    rules: { accounts: null, servers: null, kinds: null, minSeverity: 'info' },
    quietHours: null,
    ntfy: kind === 'ntfy' ? { server: 'https://ntfy.example', auth: 'none', username: null } : null,
    webhook: kind === 'webhook' ? { isSigned: false } : null,
    ...over,
  };
}
