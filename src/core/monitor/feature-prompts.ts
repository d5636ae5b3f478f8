/**
 * Egg features whose action the panel offers when a console line asks for it, pure. The one with
 * an action here is Minecraft's EULA:
 * - Pterodactyl: the panel's frontend watches console lines while the server is not running, for
 *   eggs with the `eula` feature (pterodactyl/panel resources/scripts/components/server/features/
 *   eula/EulaModalFeature.tsx; Features.tsx mounts it for the egg's `features`).
 * - Pelican: Wings matches the egg's feature patterns and sends `feature match` {key, pattern,
 *   line} (pelican-dev/wings server/listeners.go); the panel mounts the action for `key`
 *   (pelican-dev/panel app/Filament/Server/Pages/Console.php `mountFeature`;
 *   app/Extensions/Features/Schemas/MinecraftEulaSchema.php).
 * Accepting writes `eula.txt` with `eula=true` and restarts the server, as both panels do.
 */
import type { PowerState } from '../api/models';
import type { FeatureKey } from '../../shared/types';

/** The line Minecraft prints (both panels match it lower-cased, as a substring). */
export const EULA_LINE = 'you need to agree to the eula in order to run the server';

/** What accepting the EULA writes, and where (the server's root). */
export const EULA_FILE = { path: '/eula.txt', content: 'eula=true' } as const;

/** True when the egg declares `feature` (the panels compare case-insensitively). */
export function hasEggFeature(eggFeatures: readonly string[], feature: FeatureKey): boolean {
  return eggFeatures.some((f) => f.toLowerCase() === feature);
}

/**
 * The feature a console line asks for (Pterodactyl's way), or null. Not while the server runs:
 * the panel's listener is not attached then (`status === 'running'` in EulaModalFeature).
 */
export function featureFromLine(line: string, eggFeatures: readonly string[], state: PowerState | 'unknown'): FeatureKey | null {
  if (state === 'running' || !hasEggFeature(eggFeatures, 'eula')) return null;
  return line.toLowerCase().includes(EULA_LINE) ? 'eula' : null;
}

/** The feature a Pelican `feature match` names, when it is one with an action here. */
export function featureFromMatch(key: string): FeatureKey | null {
  return key.toLowerCase() === 'eula' ? 'eula' : null;
}
