/**
 * The rules a GitHub Actions workflow of this project is held to, since none can run here: the
 * shape GitHub requires (https://docs.github.com/actions/reference/workflow-syntax-for-github-actions),
 * commands that exist (npm scripts, npx bins, repository files), each command on an OS it can run
 * on, matrix references that resolve, secrets only in `env`, actions pinned to a major version or a
 * commit. Each rule answers problems as lines (an empty list passes), so a test can show that a
 * mutated workflow fails.
 */
import { parseDocument } from 'yaml';

/** What the workflow's commands are checked against. */
export interface Project {
  scripts: Readonly<Record<string, string>>;
  /** Names in node_modules/.bin. */
  bins: ReadonlySet<string>;
  /** Whether a repository-relative path exists. */
  exists(path: string): boolean;
}

type Map = Record<string, unknown>;
type Os = 'Linux' | 'macOS' | 'Windows';

const WORKFLOW_KEYS = ['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs'];
const EVENTS = [
  'push',
  'pull_request',
  'pull_request_target',
  'workflow_dispatch',
  'workflow_call',
  'workflow_run',
  'schedule',
  'release',
  'merge_group',
  'create',
  'delete',
];
const JOB_KEYS = [
  'name',
  'runs-on',
  'needs',
  'if',
  'permissions',
  'environment',
  'concurrency',
  'outputs',
  'env',
  'defaults',
  'steps',
  'timeout-minutes',
  'strategy',
  'continue-on-error',
  'container',
  'services',
];
const STEP_KEYS = ['id', 'if', 'name', 'uses', 'run', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes', 'working-directory'];
const ALL_OS: readonly Os[] = ['Linux', 'macOS', 'Windows'];
// owner/repo[/path]@v4 (or v4.1.2), or a full commit: never a branch (@main) or no ref at all.
const PINNED = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/;

const isMap = (value: unknown): value is Map => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** Parses a workflow file strictly (YAML 1.2, duplicate keys are errors). */
export function parseWorkflow(text: string): { workflow: unknown; errors: string[] } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  return { workflow: doc.toJS(), errors: [...doc.errors, ...doc.warnings].map((e) => e.message) };
}

/** Every problem of one parsed workflow; `file` prefixes each line. */
export function checkWorkflow(file: string, workflow: unknown, project: Project): string[] {
  if (!isMap(workflow)) return [`${file}: not a mapping`];
  const problems: string[] = [];
  const say = (where: string, what: string): void => void problems.push(`${file}: ${where}: ${what}`);
  for (const key of Object.keys(workflow)) if (!WORKFLOW_KEYS.includes(key)) say(key, 'not a workflow key');
  checkTriggers(workflow.on, say);
  checkPermissions(workflow, say);
  if (workflow.concurrency === undefined) say('concurrency', 'missing (a newer push should cancel the older run)');
  const jobs = workflow.jobs;
  if (!isMap(jobs) || Object.keys(jobs).length === 0) say('jobs', 'missing or empty');
  else for (const [id, job] of Object.entries(jobs)) checkJob(`jobs.${id}`, id, job, jobs, say);
  checkExpressions(workflow, [], null, say);
  checkSecretEcho(workflow, say);
  return problems.concat(checkCommands(file, workflow, project));
}

function checkTriggers(on: unknown, say: (where: string, what: string) => void): void {
  const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on : isMap(on) ? Object.keys(on) : [];
  if (events.length === 0) say('on', 'missing: no event starts the workflow');
  for (const event of events) if (!EVENTS.includes(String(event))) say('on', `unknown event ${String(event)}`);
}

function checkPermissions(workflow: Map, say: (where: string, what: string) => void): void {
  const top = workflow.permissions;
  if (!isMap(top) || top.contents !== 'read') say('permissions', 'must be set, with contents: read');
  const scopes = [
    ['permissions', top],
    ...Object.entries(isMap(workflow.jobs) ? workflow.jobs : {}).map(([id, job]) => [`jobs.${id}.permissions`, isMap(job) ? job.permissions : undefined]),
  ];
  for (const [where, value] of scopes as Array<[string, unknown]>) {
    if (value === 'write-all' || (isMap(value) && Object.values(value).includes('write'))) say(where, 'grants write access');
  }
}

function checkJob(where: string, id: string, job: unknown, jobs: Map, say: (where: string, what: string) => void): void {
  if (!/^[A-Za-z_][\w-]*$/.test(id)) say(where, 'job ids are letters, digits, - and _');
  if (!isMap(job)) return say(where, 'not a mapping');
  for (const key of Object.keys(job)) if (!JOB_KEYS.includes(key)) say(where, `${key} is not a job key`);
  if (job['runs-on'] === undefined) say(where, 'runs-on is missing');
  if (!(typeof job['timeout-minutes'] === 'number' && job['timeout-minutes'] > 0)) say(where, 'timeout-minutes is missing (the default is six hours)');
  for (const need of list(job.needs)) if (need === id || !(String(need) in jobs)) say(`${where}.needs`, `no job ${String(need)}`);
  const steps = job.steps;
  if (!Array.isArray(steps) || steps.length === 0) return say(where, 'steps are missing');
  steps.forEach((step, i) => checkStep(`${where}.steps[${i}]`, step, say));
}

function checkStep(where: string, step: unknown, say: (where: string, what: string) => void): void {
  if (!isMap(step)) return say(where, 'not a mapping');
  for (const key of Object.keys(step)) if (!STEP_KEYS.includes(key)) say(where, `${key} is not a step key`);
  const hasRun = typeof step.run === 'string';
  const hasUses = typeof step.uses === 'string';
  if (hasRun === hasUses) say(where, 'a step has exactly one of run and uses');
  if (step.with !== undefined && !hasUses) say(where, 'with belongs to a uses step');
  if ((step.shell !== undefined || step['working-directory'] !== undefined) && !hasRun) say(where, 'shell and working-directory belong to a run step');
  const uses = String(step.uses ?? '');
  if (hasUses && !uses.startsWith('./') && !uses.startsWith('docker://') && !PINNED.test(uses))
    say(where, `${uses} is not pinned to a major version or a commit`);
}

/** matrix.* must name a key of the job's matrix; secrets.* may appear only as an env value. */
function checkExpressions(value: unknown, path: string[], matrixKeys: Set<string> | null, say: (where: string, what: string) => void): void {
  if (path.length === 2 && path[0] === 'jobs') matrixKeys = matrixKeysOf(value);
  if (typeof value === 'string') {
    const where = path.reduce((text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
    for (const [, expression] of value.matchAll(/\$\{\{(.*?)\}\}/gs)) {
      for (const [, key] of expression!.matchAll(/\bmatrix\.([A-Za-z_][\w-]*)/g)) {
        if (!matrixKeys?.has(key!)) say(where, `matrix.${key} is not in the job's matrix`);
      }
      if (/\bsecrets\./.test(expression!) && path.at(-2) !== 'env') say(where, 'a secret outside env (pass it to the step as an environment variable)');
    }
    return;
  }
  if (Array.isArray(value)) value.forEach((item, i) => checkExpressions(item, [...path, String(i)], matrixKeys, say));
  else if (isMap(value)) for (const [key, item] of Object.entries(value)) checkExpressions(item, [...path, key], matrixKeys, say);
}

function matrixKeysOf(job: unknown): Set<string> | null {
  const matrix = isMap(job) && isMap(job.strategy) ? job.strategy.matrix : undefined;
  if (!isMap(matrix)) return null;
  const keys = new Set(Object.keys(matrix).filter((k) => k !== 'include' && k !== 'exclude'));
  for (const entry of list(matrix.include)) if (isMap(entry)) for (const key of Object.keys(entry)) keys.add(key);
  return keys;
}

/** An environment variable that holds a secret is never printed, nor traced with set -x. */
function checkSecretEcho(workflow: Map, say: (where: string, what: string) => void): void {
  const secretNames = (env: unknown): string[] =>
    isMap(env)
      ? Object.entries(env)
          .filter(([, v]) => /\bsecrets\./.test(String(v)))
          .map(([k]) => k)
      : [];
  const outer = secretNames(workflow.env);
  for (const { where, step, job } of stepsOf(workflow)) {
    const names = [...outer, ...secretNames(job.env), ...secretNames(step.env)];
    if (names.length === 0 || typeof step.run !== 'string') continue;
    for (const line of step.run.split('\n')) {
      if (/\bset\s+-\w*x|\bbash\s+-\w*x/.test(line)) say(where, 'traces commands (set -x) with secrets in the environment');
      if (!/\b(echo|printf|cat|tee)\b/.test(line)) continue;
      for (const name of names) if (new RegExp(`\\$\\{?${name}\\b`).test(line)) say(where, `prints ${name}, which holds a secret`);
    }
  }
}

interface StepInJob {
  where: string;
  step: Map;
  job: Map;
  jobOs: Set<Os>;
  os: Set<Os>;
}

function stepsOf(workflow: Map): StepInJob[] {
  const found: StepInJob[] = [];
  for (const [id, job] of Object.entries(isMap(workflow.jobs) ? workflow.jobs : {})) {
    if (!isMap(job) || !Array.isArray(job.steps)) continue;
    const jobOs = osOfJob(job);
    job.steps.forEach((step, i) => {
      if (isMap(step))
        found.push({ where: `jobs.${id}.steps[${i}]${step.name ? ` (${String(step.name)})` : ''}`, step, job, jobOs, os: osOfStep(jobOs, step.if) });
    });
  }
  return found;
}

/** The OSes a job runs on: its runs-on labels, a matrix reference expanded. */
export function osOfJob(job: Map): Set<Os> {
  const matrix = isMap(job.strategy) && isMap(job.strategy.matrix) ? job.strategy.matrix : {};
  const labels = list(job['runs-on']).flatMap((label) => {
    const ref = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(String(label));
    if (!ref) return [String(label)];
    return [...list(matrix[ref[1]!]), ...list(matrix.include).map((e) => (isMap(e) ? e[ref[1]!] : undefined))].filter((v) => v !== undefined).map(String);
  });
  const os = new Set<Os>();
  for (const label of labels) {
    if (label.startsWith('ubuntu')) os.add('Linux');
    else if (label.startsWith('macos')) os.add('macOS');
    else if (label.startsWith('windows')) os.add('Windows');
  }
  return os;
}

/** Narrows a job's OSes by the step's `if` on runner.os (== or !=); other conditions keep them all. */
function osOfStep(jobOs: Set<Os>, condition: unknown): Set<Os> {
  const text = String(condition ?? '');
  const only = [...text.matchAll(/runner\.os\s*==\s*'(\w+)'/g)].map((m) => m[1]);
  const not = [...text.matchAll(/runner\.os\s*!=\s*'(\w+)'/g)].map((m) => m[1]);
  return new Set(ALL_OS.filter((os) => jobOs.has(os) && (only.length === 0 || only.includes(os)) && !not.includes(os)));
}

/** The npm scripts and npx bins every run line calls, in order of appearance. */
export function commandsOf(workflow: unknown): { scripts: string[]; bins: string[] } {
  const scripts: string[] = [];
  const bins: string[] = [];
  for (const { step } of isMap(workflow) ? stepsOf(workflow) : []) {
    const called = calls(String(step.run ?? ''));
    scripts.push(...called.scripts);
    bins.push(...called.bins);
  }
  return { scripts, bins };
}

function calls(run: string): { scripts: string[]; bins: string[]; paths: string[] } {
  const code = run
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n');
  const scripts = [...code.matchAll(/\bnpm\s+(?:run|run-script)\s+([^\s;&|)'"]+)/g)].map((m) => m[1]!);
  scripts.push(...[...code.matchAll(/\bnpm\s+(test|t|start|stop|restart)\b/g)].map((m) => (m[1] === 't' ? 'test' : m[1]!)));
  const bins = [...code.matchAll(/\bnpx\s+(?:-{1,2}[\w-]+(?:=\S+)?\s+)*([^\s;&|)'"-][^\s;&|)'"]*)/g)].map((m) => m[1]!);
  const paths = [...code.matchAll(/(?:^|[\s"'=])\.?\/?((?:test|scripts|bench|src|resources)\/[\w./-]+\.(?:sh|mjs|cjs|js|ts))\b/g)].map((m) => m[1]!);
  return { scripts, bins, paths };
}

/** Whether an npm script (or one it runs) needs bash: a .sh script or xvfb-run. */
function needsBash(name: string, scripts: Readonly<Record<string, string>>, seen = new Set<string>()): boolean {
  const text = scripts[name];
  if (text === undefined || seen.has(name)) return false;
  seen.add(name);
  if (/\.sh\b|\bxvfb-run\b/.test(text)) return true;
  return calls(text).scripts.some((inner) => needsBash(inner, scripts, seen));
}

function checkCommands(file: string, workflow: Map, project: Project): string[] {
  const problems: string[] = [];
  for (const { where, step, jobOs, os } of stepsOf(workflow)) {
    if (typeof step.run !== 'string') continue;
    const say = (what: string): void => void problems.push(`${file}: ${where}: ${what}`);
    const { scripts, bins, paths } = calls(step.run);
    for (const script of scripts) {
      if (!(script in project.scripts)) say(`npm script "${script}" is not in package.json`);
      else if (os.has('Windows') && needsBash(script, project.scripts)) say(`npm script "${script}" runs a bash script, which cmd.exe cannot run on Windows`);
    }
    for (const bin of bins) if (!project.bins.has(bin)) say(`npx ${bin}: no such bin in node_modules/.bin`);
    for (const path of paths) if (!project.exists(path)) say(`${path} does not exist`);
    if (/\b(apt-get|apt|dpkg|xvfb-run)\b/.test(step.run) && [...os].some((o) => o !== 'Linux'))
      say(`Linux-only tools on ${[...os].join(', ')} (limit the step with if: runner.os == 'Linux')`);
    if (os.size === 0 && jobOs.size > 0) say('runs on no OS (its if excludes every runner of the job)');
  }
  return problems;
}
