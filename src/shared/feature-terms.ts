/**
 * The terms an egg feature asks the user to accept, as both panels link them (pterodactyl/panel
 * resources/scripts/components/server/features/eula/EulaModalFeature.tsx; pelican-dev/panel
 * lang/en/server/feature.php). The renderer shows them and names the feature; main opens the URL.
 */
import type { FeatureKey } from './types';

export const FEATURE_TERMS_URLS: Readonly<Record<FeatureKey, string>> = {
  eula: 'https://www.minecraft.net/eula',
};
