#!/usr/bin/env node
// Builds keytar against Electron's ABI into out/native/keytar, for `npm start` and `npm run demo`.
// node_modules/keytar stays built for Node, which the CLI and the tests load; packaged builds get
// theirs rebuilt by electron-builder. Electron's headers come from electronjs.org, like
// @electron/rebuild does it. If the build fails the app still starts: it then says no keychain is
// available and offers to keep keys for the session only.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const source = dirname(require.resolve('keytar/package.json'));
const dest = join('out', 'native', 'keytar');
const stamp = join(dest, '.electron-version');
const binary = join(dest, 'build', 'Release', 'keytar.node');

if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) process.exit(0);

function nodeGyp() {
  const candidates = [
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  return candidates.find((c) => existsSync(c));
}

const gyp = nodeGyp();
if (!gyp) {
  console.warn('pterotray: node-gyp not found; keytar is not built for Electron (keys will be kept for the session only).');
  process.exit(0);
}
rmSync(dest, { recursive: true, force: true });
cpSync(source, dest, { recursive: true, filter: (path) => !path.includes(`${join('keytar', 'build')}`) });
const env = { ...process.env };
// A nodedir set for Node's own headers would shadow Electron's.
for (const name of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl)$/i.test(name)) delete env[name];
console.log(`pterotray: building keytar for Electron ${electronVersion}…`);
const result = spawnSync(process.execPath, [gyp, 'rebuild', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], { cwd: dest, env, stdio: 'inherit' });
if (result.status !== 0 || !existsSync(binary)) {
  console.warn('pterotray: keytar could not be built for Electron; the app will offer to keep keys for the session only.');
  rmSync(dest, { recursive: true, force: true });
  process.exit(0);
}
writeFileSync(stamp, electronVersion);
