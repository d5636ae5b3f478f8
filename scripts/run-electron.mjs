#!/usr/bin/env node
// `npm start`, `npm run demo`, `npm run dev`: the app on Electron, through electron-vite.
//
//   node scripts/run-electron.mjs preview [--demo]   the built app (npm start / npm run demo)
//   node scripts/run-electron.mjs dev                electron-vite's dev server with hot reload
//
// Before electron-vite starts it: Node new enough for Electron 45, the Electron binary found as
// Electron's own package finds it (downloaded on the first run), and on Ubuntu the sandbox case.
// Whatever stops it is said in one line with what to do; no stack traces.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { downloadElectron, electronPackage, locateElectron, sandboxProblem } from './electron-binary.mjs';

const say = (line) => process.stderr.write(`pterotray: ${line}\n`);
const stop = (line) => {
  say(line);
  process.exit(1);
};

const [mode, ...rest] = process.argv.slice(2);
if (mode !== 'preview' && mode !== 'dev') stop(`unknown mode '${mode ?? ''}' (preview or dev)`);
const demo = rest.includes('--demo');

// Electron 45's package and its downloader declare "node": ">= 22.12.0".
const required = (() => {
  try {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node.replace(/^>=\s*/, '');
  } catch {
    return '22.12';
  }
})();
const [major, minor] = process.versions.node.split('.').map(Number);
const [needMajor, needMinor] = required.split('.').map(Number);
if (major < needMajor || (major === needMajor && minor < (needMinor ?? 0))) {
  stop(`Electron 45 needs Node.js ${required} or newer; this is ${process.version}. Install Node.js 24 (https://nodejs.org) and run this again.`);
}

let found = locateElectron();
if (found.download) {
  const result = await downloadElectron({ onStart: (version) => say(`downloading Electron ${version} (the first run only)…`) });
  if (result.failed) {
    stop(
      `Electron could not be downloaded: ${result.failed}. Check the connection to github.com (or set ELECTRON_MIRROR), or set ELECTRON_EXEC_PATH to an Electron ${electronPackage()?.version ?? ''} executable.${result.log ? ` Details: ${result.log}` : ''}`,
    );
  }
  found = result;
}
if (found.missing) stop(`no Electron to run: ${found.missing}.`);

const env = { ...process.env, ELECTRON_EXEC_PATH: found.path };
if (demo) env.PTEROTRAY_DEMO = '1';
const sandbox = sandboxProblem({ executable: found.path });
if (sandbox && process.env.NO_SANDBOX !== '1') {
  stop(
    `this system (Ubuntu 23.10 or newer) restricts user namespaces, so Electron's sandbox cannot start from node_modules. ` +
      `Fix it once with: sudo chown root:root ${sandbox.helper} && sudo chmod 4755 ${sandbox.helper} ` +
      `(or run once with NO_SANDBOX=1, without the sandbox). Installed packages (deb) are not affected.`,
  );
}

// electron-vite 6's `exports` hides bin/, so find the CLI through its package.json's `bin`.
const require = createRequire(import.meta.url);
const vitePackage = require.resolve('electron-vite/package.json');
const bin = JSON.parse(readFileSync(vitePackage, 'utf8')).bin['electron-vite'];
const args = mode === 'preview' ? ['preview', '--skipBuild'] : ['dev'];
const child = spawn(process.execPath, [join(dirname(vitePackage), bin), ...args], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
