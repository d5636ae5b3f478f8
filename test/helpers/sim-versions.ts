/**
 * Which panel release the tests' simulated panel imitates. Suites that talk to a panel either run
 * over every version (`describe.each(simVersions())`) or say at their top why one is enough; the
 * helpers that start a sim take a `version` and otherwise honour the `SIM_VERSION` environment
 * variable, so any suite can be run against one release:
 *
 *   SIM_VERSION=pelican npx vitest run --project e2e test/e2e/tray.test.ts
 *
 * Without SIM_VERSION a single-version suite gets the sim's own default (the demo panel).
 */
import type { SimPanelOptions, SimPanelVersion } from '../../src/sim';

/** Every release the sim imitates, oldest first. */
export const ALL_SIM_VERSIONS: readonly SimPanelVersion[] = ['pterodactyl-1.11', 'pterodactyl-1.12', 'pelican'];

/**
 * What each release promises a client, from its sources (panel-versions.md), so tests assert
 * the release's facts rather than whatever the sim happens to do.
 */
export const VERSION_FACTS: Record<SimPanelVersion, { rateLimitPerMinute: number; clientKeyPrefix: string; applicationKeyPrefix: string; isPelican: boolean }> =
  {
    'pterodactyl-1.11': { rateLimitPerMinute: 720, clientKeyPrefix: 'ptlc_', applicationKeyPrefix: 'ptla_', isPelican: false },
    'pterodactyl-1.12': { rateLimitPerMinute: 256, clientKeyPrefix: 'ptlc_', applicationKeyPrefix: 'ptla_', isPelican: false },
    pelican: { rateLimitPerMinute: 256, clientKeyPrefix: 'pacc_', applicationKeyPrefix: 'papp_', isPelican: true },
  };

function isSimVersion(value: string): value is SimPanelVersion {
  return (ALL_SIM_VERSIONS as readonly string[]).includes(value);
}

/** SIM_VERSION, checked; undefined when unset or empty. */
export function envSimVersion(): SimPanelVersion | undefined {
  const raw = process.env.SIM_VERSION?.trim() ?? '';
  if (raw === '') return undefined;
  if (!isSimVersion(raw)) throw new Error(`SIM_VERSION="${raw}" is not a sim version: use one of ${ALL_SIM_VERSIONS.join(', ')}, or leave it unset.`);
  return raw;
}

/** The versions a matrix suite runs over: SIM_VERSION's alone when set, else all of them. */
export function simVersions(): SimPanelVersion[] {
  const only = envSimVersion();
  return only === undefined ? [...ALL_SIM_VERSIONS] : [only];
}

/** `{version}` from SIM_VERSION for a helper's defaults, or nothing (the sim's own default). */
export function simVersionDefaults(): Pick<SimPanelOptions, 'version'> {
  const version = envSimVersion();
  return version === undefined ? {} : { version };
}
