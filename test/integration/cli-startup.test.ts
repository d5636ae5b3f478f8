/**
 * `pterotray startup` as a child process against every panel kind the sim imitates: the
 * command, image and variables with their rules; `--set` checked locally first (exit 2, nothing
 * sent), then each value sent and reported; a value only the panel refuses, and a key without
 * startup.update (exit 1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimPanel, SimPanelOptions } from '../../src/sim/types';
import { assertCliBuilt } from '../helpers/cli-process';
import { runAgainst } from '../helpers/cli-sim';
import { startTestSim } from '../helpers/sim';

const CASES: ReadonlyArray<{ label: string; options: SimPanelOptions }> = [
  { label: 'pterodactyl-1.11', options: { version: 'pterodactyl-1.11' } },
  { label: 'pterodactyl-1.12', options: { version: 'pterodactyl-1.12' } },
  { label: 'pelican', options: { version: 'pelican' } },
];

const PUT_VARIABLE = 'PUT /api/client/servers/:server/startup/variable';

describe.each(CASES)('pterotray startup against $label', ({ options }) => {
  let sim: SimPanel;
  let paper: string;

  beforeAll(async () => {
    assertCliBuilt();
    sim = await startTestSim({ servers: 6, seed: 31, ...options });
    const found = sim.control.servers().find((s) => 'SERVER_JARFILE' in s.variables);
    if (!found) throw new Error('no Paper server');
    paper = found.identifier;
  });

  afterAll(async () => {
    await sim?.close();
  });

  const variables = () => sim.control.servers().find((s) => s.identifier === paper)?.variables ?? {};

  it('--json gives the command, the image, the images and each variable with its rules', async () => {
    const result = await runAgainst(sim, ['startup', paper, '--json']);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as {
      startup_command: string;
      docker_image: string;
      docker_images: Record<string, string>;
      variables: Array<Record<string, unknown>>;
    };
    expect(body.startup_command).toContain(`-jar ${variables().SERVER_JARFILE}`);
    expect(Object.values(body.docker_images)).toContain(body.docker_image);
    expect(body.variables.find((v) => v.env_variable === 'SERVER_JARFILE')).toMatchObject({
      is_editable: true,
      rules: 'required|regex:/^([\\w\\d._-]+)(\\.jar)$/',
      rules_text: ['required', 'matching /^([\\w\\d._-]+)(\\.jar)$/'],
    });
    expect(body.variables.find((v) => v.env_variable === 'BUILD_NUMBER')).toMatchObject({ is_editable: false });
  });

  it('prints a table of the variables', async () => {
    const result = await runAgainst(sim, ['startup', paper]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Command: +java /m);
    expect(result.stdout).toMatch(/BUILD_NUMBER +\S+ +latest +read-only +required, at most 20 characters/);
  });

  it('--set saves each value in turn and reports it', async () => {
    const result = await runAgainst(sim, ['startup', paper, '--set', 'SERVER_JARFILE=paper.jar', '--set', 'MINECRAFT_VERSION=1.20.4']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(['SERVER_JARFILE: saved (paper.jar)', 'MINECRAFT_VERSION: saved (1.20.4)']);
    expect(variables()).toMatchObject({ SERVER_JARFILE: 'paper.jar', MINECRAFT_VERSION: '1.20.4' });
  });

  it('refuses a value that fails the egg’s rules before sending anything (exit 2)', async () => {
    const before = sim.control.requestCount(PUT_VARIABLE);
    const result = await runAgainst(sim, ['startup', paper, '--set', 'MINECRAFT_VERSION=1.21', '--set', 'SERVER_JARFILE=paper.zip']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SERVER_JARFILE: The value format is invalid.');
    expect(sim.control.requestCount(PUT_VARIABLE)).toBe(before);
    expect(variables().MINECRAFT_VERSION).toBe('1.20.4');
  });

  it('refuses a read-only or unknown variable (exit 2)', async () => {
    expect((await runAgainst(sim, ['startup', paper, '--set', 'BUILD_NUMBER=5'])).stderr).toContain("'BUILD_NUMBER' is read-only");
    const unknown = await runAgainst(sim, ['startup', paper, '--set', 'NOPE=1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("'NOPE' is not a variable of this server");
  });

  it('reports a value only the panel refuses, and carries on with the next (exit 1)', async () => {
    sim.control.injectFault({
      method: 'PUT',
      route: PUT_VARIABLE,
      fault: {
        type: 'status',
        status: 422,
        body: {
          errors: [
            {
              code: 'ValidationException',
              status: '422',
              detail: 'The value must start with one of the following: 1.20.',
              meta: { source_field: 'value', rule: 'starts_with' },
            },
          ],
        },
      },
    });
    const result = await runAgainst(sim, ['startup', paper, '--json', '--set', 'MINECRAFT_VERSION=1.19', '--set', 'SERVER_JARFILE=other.jar']);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(body[0]).toMatchObject({ env_variable: 'MINECRAFT_VERSION', saved: false });
    expect(String(body[0]?.error)).toContain('The value must start with one of the following: 1.20.');
    expect(body[1]).toEqual({ env_variable: 'SERVER_JARFILE', saved: true, server_value: 'other.jar' });
  });

  it('says a key without startup.update may not change variables (exit 1)', async () => {
    sim.control.setPermissions(paper, ['websocket.connect', 'startup.read']);
    try {
      const result = await runAgainst(sim, ['startup', paper, '--set', 'SERVER_JARFILE=x.jar']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/SERVER_JARFILE: not saved: .*\(HTTP 403\)/);
    } finally {
      sim.control.setPermissions(paper, null);
    }
  });
});
