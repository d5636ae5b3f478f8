/**
 * A sim plus CLI runner for CLI integration tests: every run gets the sim's credentials, and
 * every run's output is checked for the API key (it must never appear, whatever the command).
 */
import { expect } from 'vitest';
import type { SimPanel } from '../../src/sim/types';
import { runCliProcess, type CliRunOptions, type CliRunResult } from './cli-process';

/** The environment pointing the CLI at `sim`. */
export function simEnv(sim: SimPanel, apiKey = sim.apiKey): Record<string, string> {
  return { PTEROTRAY_PANEL_URL: sim.url, PTEROTRAY_API_KEY: apiKey };
}

/** Asserts that no key of `keys` appears in `text`. */
export function expectNoKey(text: string, keys: readonly string[]): void {
  for (const key of keys) expect(text.includes(key), 'the API key appeared in the CLI output').toBe(false);
}

/** Runs the CLI against `sim` and checks its output holds neither the sim's key nor `extraKeys`. */
export async function runAgainst(sim: SimPanel, args: readonly string[], options: CliRunOptions & { apiKey?: string } = {}): Promise<CliRunResult> {
  const apiKey = options.apiKey ?? sim.apiKey;
  const result = await runCliProcess(args, { ...options, env: { ...simEnv(sim, apiKey), ...options.env } });
  expectNoKey(result.stdout + result.stderr, [sim.apiKey, apiKey]);
  return result;
}
