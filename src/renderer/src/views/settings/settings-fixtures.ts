/** Settings for the settings tests: main's defaults. */
import type { Settings } from '../../../../shared/types';

export function makeSettings(patch: Partial<Settings> = {}): Settings {
  return {
    notifications: {
      global: { onStateChange: true, onCrash: true, usage: { cpuPercent: 90, memoryPercent: 90, sustainedMs: 120_000 } },
      accounts: {},
      servers: {},
      pausedUntil: null,
      confirmOwnActions: true,
    },
    monitor: { budgetShare: 0.25, pollIntervalS: 30 },
    launchAtLogin: false,
    theme: 'system',
    favourites: [],
    ...patch,
  };
}
