// Runs Doyensec's Electronegativity over one folder, offline, in a process of its own, and writes
// what it found as JSON. Called by electronegativity.ts:
//   node electronegativity-run.mjs <options.json> <result.json>
// options: { input, electronVersion, excludeChecks }.
//
// Electronegativity 1.10.3 reaches the network twice, both through `got`: every run asks for
// updated translations (src/locales/i18n.js, from an S3 bucket, 1 s timeout), and
// AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub. The first is
// answered here, at once, with a refusal (the tool then uses the English text it ships); the
// second check is excluded by the caller. Any socket or DNS look-up besides is refused and
// recorded, so a version that finds another way out fails the spec instead of going online.
// In its own process because the tool registers `__` on the global object and patches nothing
// back; the test worker stays clean.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import dns from 'node:dns';
import net from 'node:net';

const [optionsPath, resultPath] = process.argv.slice(2);
if (!optionsPath || !resultPath) throw new Error('usage: electronegativity-run.mjs <options.json> <result.json>');
const options = JSON.parse(readFileSync(optionsPath, 'utf8'));

/** URLs the tool asked `got` for (answered with a refusal, never fetched). */
const refusedRequests = [];
/** Anything that tried to open a socket or resolve a name: must stay empty. */
const networkAttempts = [];

const refuse = (what) => {
  networkAttempts.push(what);
  throw new Error(`electronegativity-run: no network (${what})`);
};
net.Socket.prototype.connect = function connect(...args) {
  const [first] = args;
  refuse(`connect ${typeof first === 'object' && first !== null ? `${first.host ?? ''}:${first.port ?? first.path ?? ''}` : String(first)}`);
};
dns.lookup = (hostname) => refuse(`dns.lookup ${hostname}`);
dns.promises.lookup = async (hostname) => refuse(`dns.promises.lookup ${hostname}`);

const offlineGot = (url) => {
  refusedRequests.push(String(url));
  return Promise.reject(new Error('offline: electronegativity-run answers no request'));
};
offlineGot.head = offlineGot;
offlineGot.get = offlineGot;
const load = Module._load;
Module._load = function loadWithoutGot(request, ...rest) {
  if (request === 'got') return offlineGot;
  return load.call(this, request, ...rest);
};

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');

const result = await run({
  input: options.input,
  isRelative: true,
  // run() reads `electronVersionOverride` (the CLI's -e); the README's `electronVersion` is ignored.
  electronVersionOverride: options.electronVersion,
  excludeFromScan: options.excludeChecks,
});

const issues = result.issues.map((issue) => ({
  id: issue.id,
  file: issue.file,
  line: issue.location.line,
  column: issue.location.column,
  sample: String(issue.sample ?? '').trim(),
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  manualReview: Boolean(issue.manualReview),
  description: issue.description,
}));
writeFileSync(
  resultPath,
  JSON.stringify(
    { globalChecks: result.globalChecks, atomicChecks: result.atomicChecks, errors: result.errors, issues, refusedRequests, networkAttempts },
    null,
    1,
  ),
);
