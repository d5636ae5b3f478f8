/**
 * Electronegativity over the app's sources, for test/security/electronegativity.test.ts: what is
 * scanned (staged in a temporary folder), how the tool is run (electronegativity-run.mjs, in a
 * child process, offline) and how its findings are held against the reviewed list
 * (test/security/electronegativity-findings.json).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const RUNNER = join(import.meta.dirname, 'electronegativity-run.mjs');

/** One finding, as electronegativity-run.mjs writes it. */
export interface EngIssue {
  id: string;
  file: string;
  line: number;
  column: number;
  sample: string;
  severity: string;
  confidence: string;
  manualReview: boolean;
  description: string;
}

export interface EngResult {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: EngIssue[];
  /** URLs the tool asked for and was refused without a request. */
  refusedRequests: string[];
  /** Sockets or name look-ups attempted: none is allowed. */
  networkAttempts: string[];
  /** What the tool printed (stdout and stderr), for messages. */
  output: string;
}

/** A reviewed finding: what identifies it, and why it does not apply. */
export interface ListedFinding {
  id: string;
  file: string;
  sample: string;
  severity: string;
  confidence: string;
  reason: string;
}

export interface FindingsList {
  excludedChecks: Array<{ check: string; reason: string }>;
  findings: ListedFinding[];
}

// A component's <script> blocks; the markup around them is not JavaScript the tool can parse.
const SCRIPT_BLOCK = /(<script\b[^>]*>)([\s\S]*?)<\/script>/g;
/** The suffix a component's scripts are staged under; findings are reported against the component. */
const SVELTE_SCRIPT_SUFFIX = '.svelte-script.ts';

/** Only what ships: tests and the component tests' setup are left out. */
function isShippedSource(path: string): boolean {
  if (/\.(test|spec)\.ts$/.test(path) || path.startsWith('src/renderer/test/')) return false;
  return /\.(ts|html|svelte)$/.test(path);
}

/** The component's scripts, with every other character but newlines blanked, so lines still match. */
export function svelteScriptsOnly(component: string): string {
  const blank = (text: string): string => text.replace(/[^\n]/g, '');
  let staged = '';
  let consumed = 0;
  for (const match of component.matchAll(SCRIPT_BLOCK)) {
    const codeStart = match.index + (match[1] ?? '').length;
    const code = match[2] ?? '';
    staged += blank(component.slice(consumed, codeStart)) + code;
    consumed = codeStart + code.length;
  }
  return staged + blank(component.slice(consumed));
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(path) : entry.isFile() ? [path] : [];
  });
}

/**
 * Copies what is scanned into `stage`: src/ (TypeScript, the page's HTML, and each Svelte
 * component's scripts) and package.json (its scripts and config are checked for flags that turn
 * security off). Returns how many source files were staged.
 */
export function stageSources(repoRoot: string, stage: string): number {
  const sources = filesBelow(join(repoRoot, 'src'))
    .map((path) => relative(repoRoot, path).split('\\').join('/'))
    .filter(isShippedSource);
  for (const path of sources) {
    const isComponent = path.endsWith('.svelte');
    const target = join(stage, isComponent ? path.slice(0, -'.svelte'.length) + SVELTE_SCRIPT_SUFFIX : path);
    mkdirSync(dirname(target), { recursive: true });
    if (isComponent) writeFileSync(target, svelteScriptsOnly(readFileSync(join(repoRoot, path), 'utf8')));
    else copyFileSync(join(repoRoot, path), target);
  }
  copyFileSync(join(repoRoot, 'package.json'), join(stage, 'package.json'));
  return sources.length;
}

export interface RunOptions {
  input: string;
  electronVersion: string;
  excludeChecks: string[];
  /** Where the options and the result are written. */
  workDir: string;
}

/** PATH and an English locale (the tool picks its language from LANG); SystemRoot, which Node needs on Windows. */
function childEnv(): NodeJS.ProcessEnv {
  const { PATH, SystemRoot } = process.env;
  return { PATH: PATH ?? '', LANG: 'en-US', ...(SystemRoot ? { SystemRoot } : {}) };
}

/** Runs the tool in a child process, with none of the test run's environment beyond childEnv(). */
export async function runElectronegativity(options: RunOptions): Promise<EngResult> {
  const optionsPath = join(options.workDir, 'options.json');
  const resultPath = join(options.workDir, 'result.json');
  writeFileSync(optionsPath, JSON.stringify({ input: options.input, electronVersion: options.electronVersion, excludeChecks: options.excludeChecks }));
  const child = spawn(process.execPath, [RUNNER, optionsPath, resultPath], { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`electronegativity exited with ${code}:\n${output}`);
  const result = { ...(JSON.parse(readFileSync(resultPath, 'utf8')) as Omit<EngResult, 'output'>), output };
  // Found in a component's staged scripts: reported against the component itself.
  for (const issue of result.issues) if (issue.file.endsWith(SVELTE_SCRIPT_SUFFIX)) issue.file = issue.file.slice(0, -SVELTE_SCRIPT_SUFFIX.length) + '.svelte';
  return result;
}

const keyOf = (f: Pick<ListedFinding, 'id' | 'file' | 'sample' | 'severity' | 'confidence'>): string =>
  JSON.stringify([f.id, f.file, f.sample, f.severity, f.confidence]);

/**
 * Holds the findings against the list, each listed entry standing for one finding (two identical
 * findings need two entries). Lines are not compared: an edit above a finding does not move it
 * off the list, while a change to the flagged line itself does, and is reviewed again.
 */
export function compareWithList(found: readonly EngIssue[], listed: readonly ListedFinding[]): { unlisted: EngIssue[]; stale: ListedFinding[] } {
  const remaining = [...listed];
  const unlisted: EngIssue[] = [];
  for (const issue of found) {
    const at = remaining.findIndex((entry) => keyOf(entry) === keyOf(issue));
    if (at === -1) unlisted.push(issue);
    else remaining.splice(at, 1);
  }
  return { unlisted, stale: remaining };
}

/** A new finding as the entry to review and add, with where it is. */
export function describeUnlisted(issue: EngIssue): string {
  const entry = {
    id: issue.id,
    file: issue.file,
    sample: issue.sample,
    severity: issue.severity,
    confidence: issue.confidence,
    reason: '…why it does not apply, or fix the code…',
  };
  return `${issue.file}:${issue.line}:${issue.column} ${issue.id}: ${issue.description}\n  ${JSON.stringify(entry)}`;
}
