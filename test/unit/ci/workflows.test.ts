/**
 * The hosted CI workflows cannot run here (no route to GitHub), so they are read and held to
 * workflow-rules.ts: valid YAML of the shape GitHub takes, commands that exist in package.json and
 * node_modules/.bin, each on an OS that can run it, secrets only in env, pinned actions. Each rule is
 * shown to bite on a mutated copy of the parsed workflow (never by editing the files).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkflow, commandsOf, osOfJob, parseWorkflow, type Project } from './workflow-rules';

const DIR = '.github/workflows';
const files = readdirSync(DIR).filter((name) => /\.ya?ml$/.test(name));
const parsed = new Map(files.map((name) => [name, parseWorkflow(readFileSync(join(DIR, name), 'utf8'))]));
const project: Project = {
  scripts: (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
  bins: new Set(readdirSync('node_modules/.bin').map((name) => name.replace(/\.(cmd|ps1)$/, ''))),
  exists: (path) => existsSync(path),
};

type Workflow = {
  jobs: Record<string, { env?: Record<string, string>; strategy: { matrix: Record<string, unknown> }; steps: Array<Record<string, unknown>> }>;
} & Record<string, unknown>;
const ci = (): Workflow => structuredClone(parsed.get('ci.yml')!.workflow) as Workflow;
const check = (workflow: unknown, against: Project = project): string[] => checkWorkflow('ci.yml', workflow, against);
const stepNamed = (workflow: Workflow, job: string, name: string): Record<string, unknown> => {
  const step = workflow.jobs[job]!.steps.find((s) => s.name === name || s.run === name);
  if (!step) throw new Error(`no step ${name} in ${job}`);
  return step;
};

describe('.github/workflows', () => {
  it('has the CI workflow', () => {
    expect(files).toContain('ci.yml');
  });

  it.each(files)('%s is valid YAML without duplicate keys', (name) => {
    expect(parsed.get(name)!.errors).toEqual([]);
  });

  it.each(files)('%s passes every rule', (name) => {
    expect(checkWorkflow(name, parsed.get(name)!.workflow, project)).toEqual([]);
  });
});

describe('ci.yml runs what the issue asks', () => {
  it('tests on Linux, macOS and Windows, and requires real Electron there', () => {
    const test = ci().jobs.test!;
    expect(osOfJob(test)).toEqual(new Set(['Linux', 'macOS', 'Windows']));
    expect(test.env?.PTEROTRAY_REQUIRE_REAL_ELECTRON).toBe('1');
    const runs = test.steps.map((s) => String(s.run ?? ''));
    expect(runs).toContain('xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" npm test');
    expect(runs).toContain('npx vitest run --project e2e test/e2e/real-electron');
  });

  it('uses Node 24, which Electron 45 bundles', () => {
    for (const job of Object.values(ci().jobs)) {
      const setup = job.steps.find((s) => String(s.uses).startsWith('actions/setup-node@'));
      expect((setup?.with as { 'node-version'?: unknown })['node-version']).toBe(24);
    }
  });

  it('builds the AppImage, deb, dmg and nsis packages on their OS and uploads them', () => {
    const packages = ci().jobs.packages!;
    expect(osOfJob(packages)).toEqual(new Set(['Linux', 'macOS', 'Windows']));
    expect(commandsOf({ jobs: { packages } }).scripts).toContain('dist');
    expect(packages.strategy.matrix.include).toEqual([
      { os: 'ubuntu-latest', packages: ['dist/*.AppImage', 'dist/*.deb'] },
      { os: 'macos-latest', packages: ['dist/*.dmg'] },
      { os: 'windows-latest', packages: ['dist/*.exe'] },
    ]);
    const upload = packages.steps.find((s) => String(s.uses).startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ 'if-no-files-found': 'error' });
  });

  it('signs and notarizes only from secrets, turning identity discovery off without a certificate', () => {
    const step = stepNamed(ci(), 'packages', 'Packages (electron-builder)');
    expect(Object.keys(step.env as object).sort()).toEqual(['APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_ID', 'APPLE_TEAM_ID', 'CSC_KEY_PASSWORD', 'CSC_LINK']);
    for (const value of Object.values(step.env as Record<string, string>)) expect(value).toMatch(/\$\{\{.*secrets\./);
    expect(step.run).toContain('export CSC_IDENTITY_AUTO_DISCOVERY=false');
  });

  it('finds the commands it checks: npm test, build and dist, and vitest through npx', () => {
    const { scripts, bins } = commandsOf(ci());
    expect(new Set(scripts)).toEqual(new Set(['test', 'build', 'dist']));
    expect(bins).toEqual(['vitest']);
  });
});

describe('the rules bite', () => {
  it('a script renamed in package.json', () => {
    const { build, ...rest } = project.scripts;
    expect(check(ci(), { ...project, scripts: { ...rest, compile: build! } })).toEqual([
      'ci.yml: jobs.test.steps[6] (Build (macOS, Windows)): npm script "build" is not in package.json',
    ]);
  });

  it('a script misspelled in the workflow, an npx bin that is not installed, a file that is not there', () => {
    const workflow = ci();
    stepNamed(workflow, 'packages', 'Packages (electron-builder)').run = 'npm run distt';
    stepNamed(workflow, 'test', 'Real-Electron specs (macOS, Windows)').run = 'npx vitset run && bash test/keychain/no-such.sh';
    expect(check(workflow)).toEqual([
      'ci.yml: jobs.test.steps[7] (Real-Electron specs (macOS, Windows)): npx vitset: no such bin in node_modules/.bin',
      'ci.yml: jobs.test.steps[7] (Real-Electron specs (macOS, Windows)): test/keychain/no-such.sh does not exist',
      'ci.yml: jobs.packages.steps[4] (Packages (electron-builder)): npm script "distt" is not in package.json',
    ]);
  });

  it('a command on an OS that cannot run it', () => {
    const workflow = ci();
    delete stepNamed(workflow, 'test', 'System packages (Linux)').if;
    stepNamed(workflow, 'test', 'Whole suite, on the double and on real Electron (Linux)').if = "runner.os != 'macOS'";
    expect(check(workflow)).toEqual([
      "ci.yml: jobs.test.steps[2] (System packages (Linux)): Linux-only tools on Linux, macOS, Windows (limit the step with if: runner.os == 'Linux')",
      // npm test runs test/keychain/with-secret-service.sh (through test:all), and xvfb-run.
      'ci.yml: jobs.test.steps[5] (Whole suite, on the double and on real Electron (Linux)): npm script "test" runs a bash script, which cmd.exe cannot run on Windows',
      "ci.yml: jobs.test.steps[5] (Whole suite, on the double and on real Electron (Linux)): Linux-only tools on Linux, Windows (limit the step with if: runner.os == 'Linux')",
    ]);
  });

  it('a secret outside env, and one printed', () => {
    const workflow = ci();
    const step = stepNamed(workflow, 'packages', 'Packages (electron-builder)');
    step.run = 'echo "$CSC_KEY_PASSWORD" && set -x && npm run dist';
    stepNamed(workflow, 'test', 'Build (macOS, Windows)').run = 'npm run build -- --token ${{ secrets.APPLE_ID }}';
    expect(check(workflow)).toEqual([
      'ci.yml: jobs.test.steps[6].run: a secret outside env (pass it to the step as an environment variable)',
      'ci.yml: jobs.packages.steps[4] (Packages (electron-builder)): traces commands (set -x) with secrets in the environment',
      'ci.yml: jobs.packages.steps[4] (Packages (electron-builder)): prints CSC_KEY_PASSWORD, which holds a secret',
    ]);
  });

  it('an unpinned action, a step with both run and uses, a matrix key that does not exist', () => {
    const workflow = ci();
    workflow.jobs.test!.steps[0]!.uses = 'actions/checkout@main';
    workflow.jobs.test!.steps[1]!.run = 'echo hi';
    workflow.jobs.packages!.steps.at(-2)!.run = 'ls ${{ matrix.package }}';
    expect(check(workflow)).toEqual([
      'ci.yml: jobs.test.steps[0]: actions/checkout@main is not pinned to a major version or a commit',
      'ci.yml: jobs.test.steps[1]: a step has exactly one of run and uses',
      "ci.yml: jobs.packages.steps[5].run: matrix.package is not in the job's matrix",
    ]);
  });

  it('the shape GitHub requires: triggers, permissions, jobs, runs-on, timeouts, needs', () => {
    const workflow = ci();
    delete workflow.on;
    workflow.permissions = { contents: 'write' };
    delete workflow.concurrency;
    const job = workflow.jobs.packages as unknown as Record<string, unknown>;
    delete job['runs-on'];
    delete job['timeout-minutes'];
    job.needs = 'tests';
    job.step = job.steps;
    expect(check(workflow)).toEqual([
      'ci.yml: on: missing: no event starts the workflow',
      'ci.yml: permissions: must be set, with contents: read',
      'ci.yml: permissions: grants write access',
      'ci.yml: concurrency: missing (a newer push should cancel the older run)',
      'ci.yml: jobs.packages: step is not a job key',
      'ci.yml: jobs.packages: runs-on is missing',
      'ci.yml: jobs.packages: timeout-minutes is missing (the default is six hours)',
      'ci.yml: jobs.packages.needs: no job tests',
    ]);
  });

  it('YAML that does not parse, or has a key twice', () => {
    expect(parseWorkflow('on: push\njobs:\n  a: [\n').errors.length).toBeGreaterThan(0);
    expect(parseWorkflow('on: push\non: pull_request\n').errors.join()).toMatch(/unique/i);
  });
});
