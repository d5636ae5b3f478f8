import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  test: {
    reporters: ['default', './test/reporters/summary-line.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          // The benchmark harness's own helpers (tables, figures, the baseline poller, the sim host).
          name: 'bench',
          include: ['bench/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration tests start servers and child processes; two cores, so keep it modest.
          maxWorkers: 2,
          // Projects with their own worker limits must run in their own group.
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file launches the app and Chromium: one at a time on two cores.
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Full-app fault runs launch the app and Chromium: one file at a time on two cores.
          maxWorkers: 1,
          sequence: { groupOrder: 3 },
          // Counts the faults tried and survived, and prints the tally when the run ends.
          globalSetup: ['test/faults/helpers/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          sequence: { groupOrder: 4 },
        },
      },
      {
        test: {
          name: 'keychain',
          include: ['test/keychain/**/*.test.ts'],
          environment: 'node',
          // Each file in its own process: libsecret keeps its D-Bus connection per process.
          pool: 'forks',
          isolate: true,
        },
      },
      {
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'component',
          include: ['src/renderer/**/*.spec.ts'],
          environment: 'happy-dom',
          setupFiles: ['src/renderer/test/setup.ts'],
        },
      },
    ],
  },
});
