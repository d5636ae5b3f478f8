/**
 * Egg features as Wings matches them (pelican-dev/wings `server/listeners.go`): the panel sends
 * each feature's console patterns (`ServerConfigurationStructureService` `egg.features`, the
 * listeners of pelican `app/Extensions/Features/Schemas/*`); a console line containing one
 * (case-insensitive) publishes `feature match` with `{key, pattern, line}`, one per line.
 */

/** The listeners of Pelican's default feature schemas (`FeatureServiceProvider`). */
const FEATURE_LISTENERS: Record<string, readonly string[]> = {
  eula: ['you need to agree to the eula in order to run the server'],
  java_version: [
    'java.lang.UnsupportedClassVersionError',
    'unsupported major.minor version',
    'has been compiled by a more recent version of the java runtime',
    'minecraft 1.17 requires running the server with java 16 or above',
    'minecraft 1.18 requires running the server with java 17 or above',
    'minecraft 1.19 requires running the server with java 17 or above',
  ],
  pid_limit: [
    'pthread_create failed',
    'failed to create thread',
    'unable to create thread',
    'unable to create native thread',
    'unable to create new native thread',
    'exception in thread "craft async scheduler management thread"',
  ],
  steam_disk_space: ['steamcmd needs 250mb of free disk space to update', '0x202 after update job'],
  gsl_token: ['(gsl token expired)', '(account not found)'],
};

/** Wings' `FeatureMatchPayload`. */
export interface FeatureMatch {
  key: string;
  pattern: string;
  line: string;
}

/** The first feature pattern of the egg's features that the line contains, or null. */
export function matchFeature(features: readonly string[] | null, line: string): FeatureMatch | null {
  const lower = line.toLowerCase();
  for (const key of features ?? []) {
    for (const pattern of FEATURE_LISTENERS[key] ?? []) {
      if (lower.includes(pattern.toLowerCase())) return { key, pattern, line };
    }
  }
  return null;
}

/** What Minecraft prints when eula.txt does not say `eula=true`, then it exits with code 0. */
export const EULA_LINES = [
  '[10:00:01 WARN]: Failed to load eula.txt',
  '[10:00:01 INFO]: You need to agree to the EULA in order to run the server. Go to eula.txt for more info.',
];

/** What Minecraft writes to a missing eula.txt (and `requireEula` writes). */
export const EULA_FALSE = '#By changing the setting below to TRUE you are indicating your agreement to our EULA (https://aka.ms/MinecraftEULA).\neula=false\n';

/** Minecraft's check: the `eula` property is `true` (Java `Properties`, `Boolean.parseBoolean`). */
export function eulaAgreed(text: string | null): boolean {
  return text !== null && /^[ \t]*eula[ \t]*[=:][ \t]*true\r?$/im.test(text);
}
