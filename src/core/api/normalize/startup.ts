/** The answers of the Startup and Settings writes (issue 13). */
import type { StartupVariableUpdate } from '../models';
import { meta, unwrapItem } from './envelope';
import { field, optString } from './guards';
import { normalizeEggVariable } from './server-extras';

/**
 * `PUT startup/variable`: the saved `egg_variable` with `meta.startup_command` (the command with
 * the new value in it) and `meta.raw_startup_command` (pterodactyl StartupController::update).
 */
export function normalizeStartupVariableUpdate(raw: unknown): StartupVariableUpdate {
  const m = meta(raw);
  return {
    variable: normalizeEggVariable(unwrapItem(raw, 'egg variable')),
    startupCommand: optString(field(m, 'startup_command'), null),
    rawStartupCommand: optString(field(m, 'raw_startup_command'), null),
  };
}
