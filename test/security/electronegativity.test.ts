/**
 * Doyensec's Electronegativity over the app's sources (issue 11, "Proof"): every finding is
 * either fixed or listed with its reason in electronegativity-findings.json, and the list stays
 * honest both ways: a new finding fails, and so does an entry that no longer matches one. The
 * tool runs offline, in a child process, with Electron's version taken from package.json; a
 * canary tree shows it still sees what it is meant to. docs/security.md says what it covers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  compareWithList,
  describeUnlisted,
  runElectronegativity,
  stageSources,
  svelteScriptsOnly,
  type EngIssue,
  type EngResult,
  type FindingsList,
} from './helpers/electronegativity';

const REPO = resolve(import.meta.dirname, '../..');
const LIST_PATH = join(import.meta.dirname, 'electronegativity-findings.json');

const reason = z.string().min(40);
const listSchema = z.strictObject({
  $comment: z.string(),
  excludedChecks: z.array(z.strictObject({ check: z.string(), reason })),
  findings: z.array(z.strictObject({ id: z.string(), file: z.string(), sample: z.string(), severity: z.string(), confidence: z.string(), reason })),
});
const list: FindingsList = listSchema.parse(JSON.parse(readFileSync(LIST_PATH, 'utf8')));
const excludeChecks = list.excludedChecks.map((e) => e.check);

/** The Electron the app is built on: the checks' defaults depend on it. */
function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const version = /^\d+\.\d+\.\d+$/.exec(pkg.devDependencies?.electron ?? '')?.[0];
  if (!version) throw new Error('package.json should pin electron to one version');
  return version;
}

const work = mkdtempSync(join(tmpdir(), 'pterotray-electronegativity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Stages `repo` and runs the tool over it, as the spec does for the app. */
async function scan(repo: string, name: string): Promise<{ staged: number; result: EngResult }> {
  const dir = join(work, name);
  const stage = join(dir, 'stage');
  mkdirSync(stage, { recursive: true });
  const staged = stageSources(repo, stage);
  return { staged, result: await runElectronegativity({ input: stage, electronVersion: electronVersion(), excludeChecks, workDir: dir }) };
}

const where = (issue: EngIssue): string => `${issue.id} ${issue.file}:${issue.line}`;

describe('Electronegativity over the app sources', () => {
  let staged = 0;
  let result: EngResult;

  beforeAll(async () => {
    ({ staged, result } = await scan(REPO, 'app'));
  });

  it('parses every file it is given, runs every check but the excluded, and asks the network nothing', () => {
    expect(staged).toBeGreaterThan(100);
    expect(result.errors).toEqual([]);
    // 1.10.3 has 6 global and 36 atomic checks; one of each is excluded (see the list's reasons).
    expect({ global: result.globalChecks, atomic: result.atomicChecks }).toEqual({ global: 5, atomic: 35 });
    expect(result.networkAttempts).toEqual([]);
    // The only request it tried, refused before any socket: its translations, which it ships.
    expect(result.refusedRequests).toEqual([expect.stringMatching(/\/en-US\.json$/)]);
    expect(result.output).not.toMatch(/Couldn't detect Electron version/);
  });

  it('finds nothing that is not listed with the reason it does not apply', () => {
    const { unlisted } = compareWithList(result.issues, list.findings);
    expect(unlisted.map(describeUnlisted), 'new findings: fix the code, or review and add them to test/security/electronegativity-findings.json').toEqual([]);
  });

  it('lists nothing it no longer finds', () => {
    const { stale } = compareWithList(result.issues, list.findings);
    expect(
      stale.map((entry) => `${entry.id} ${entry.file}: ${entry.sample}`),
      'listed but not found: remove them from the list',
    ).toEqual([]);
  });
});

describe('the same run on a tree with known faults (the canary)', () => {
  let result: EngResult;
  let staged = 0;

  beforeAll(async () => {
    const repo = join(work, 'canary-repo');
    mkdirSync(join(repo, 'src/main'), { recursive: true });
    mkdirSync(join(repo, 'src/renderer'), { recursive: true });
    // No electron here: the version the checks assume must come from the option alone.
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'canary', scripts: { start: 'electron . --ignore-certificate-errors' } }, null, 2));
    writeFileSync(
      join(repo, 'src/main/windows.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'export const open = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
        "export const closed = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, disableBlinkFeatures: 'Auxclick' } });",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(repo, 'src/renderer/Canary.svelte'),
      [
        '<p>before</p>',
        '<script lang="ts">',
        '  const count = 2;',
        "  const value: number = eval('1 + ' + String(count));",
        '</script>',
        '<p>{value}</p>',
        '',
      ].join('\n'),
    );
    writeFileSync(join(repo, 'src/renderer/canary.test.ts'), "const code = 'x';\neval('1 + ' + code);\n");
    ({ staged, result } = await scan(repo, 'canary'));
  });

  it('sees main’s TypeScript, a component’s script at its own line, package.json, and the global checks; not the tests', () => {
    expect(staged).toBe(2);
    expect(result.errors).toEqual([]);
    expect(result.networkAttempts).toEqual([]);
    expect(result.issues.map(where).sort()).toEqual(
      [
        'AUXCLICK_JS_CHECK src/main/windows.ts:2',
        'CONTEXT_ISOLATION_JS_CHECK src/main/windows.ts:2',
        'CSP_GLOBAL_CHECK N/A:0',
        'CUSTOM_ARGUMENTS_JSON_CHECK package.json:4',
        'DANGEROUS_FUNCTIONS_JS_CHECK src/renderer/Canary.svelte:4',
        'LIMIT_NAVIGATION_GLOBAL_CHECK N/A:0',
        'NODE_INTEGRATION_JS_CHECK src/main/windows.ts:2',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK N/A:0',
        'SANDBOX_JS_CHECK src/main/windows.ts:2',
      ].sort(),
    );
  });

  it('applies Electron 45’s defaults: an unset nodeIntegration is off and there is no remote module', () => {
    // Assuming an unknown version (the tool's v0.1.0), the second window would be flagged for both.
    expect(result.output).not.toMatch(/Couldn't detect Electron version/);
    expect(result.issues.filter((issue) => issue.file === 'src/main/windows.ts' && issue.line === 3).map(where)).toEqual([]);
  });
});

describe('compareWithList', () => {
  const issue = (id: string, sample: string): EngIssue => ({
    id,
    file: 'src/a.ts',
    line: 1,
    column: 0,
    sample,
    severity: 'MEDIUM',
    confidence: 'FIRM',
    manualReview: false,
    description: 'd',
  });
  const entry = (id: string, sample: string) => ({ id, file: 'src/a.ts', sample, severity: 'MEDIUM', confidence: 'FIRM', reason: 'r' });

  it('matches by id, file, line text, severity and confidence, whatever the line number', () => {
    expect(compareWithList([{ ...issue('A', 'x()'), line: 40 }], [entry('A', 'x()')])).toEqual({ unlisted: [], stale: [] });
    expect(compareWithList([{ ...issue('A', 'x()'), confidence: 'CERTAIN' }], [entry('A', 'x()')]).unlisted).toHaveLength(1);
  });

  it('reports a new finding and a listed one that is gone, and needs one entry per finding', () => {
    const { unlisted, stale } = compareWithList([issue('A', 'x()'), issue('A', 'x()'), issue('B', 'y()')], [entry('A', 'x()'), entry('C', 'z()')]);
    expect(unlisted.map((i) => i.id)).toEqual(['A', 'B']);
    expect(stale.map((e) => e.id)).toEqual(['C']);
  });
});

describe('svelteScriptsOnly', () => {
  it('keeps every script block at its own line and blanks the markup', () => {
    const component =
      '<p>a</p>\n<script lang="ts" generics="T extends string">\n  let x = 1;\n</script>\n<b>{x}</b>\n<script module>export const y = 2;</script>\n';
    const staged = svelteScriptsOnly(component);
    expect(staged.split('\n')).toHaveLength(component.split('\n').length);
    expect(staged.split('\n')[2]).toBe('  let x = 1;');
    expect(staged.split('\n')[5]).toBe('export const y = 2;');
    expect(staged).not.toMatch(/<|>|\{x\}/);
  });
});
