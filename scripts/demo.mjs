#!/usr/bin/env node
// `npm run demo`: the built app on the built-in simulated panel (used when no panel is configured).
// A script rather than `PTEROTRAY_DEMO=1 electron-vite preview` so it works in every shell.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('electron-vite/bin/electron-vite.js');
const child = spawn(process.execPath, [cli, 'preview', '--skipBuild'], {
  stdio: 'inherit',
  env: { ...process.env, PTEROTRAY_DEMO: '1' },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
