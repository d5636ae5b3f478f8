import { afterEach, describe, expect, it } from 'vitest';
import { startSimPanel } from '../../../src/sim';
import type { SimPanel, SimPanelOptions } from '../../../src/sim';
import { INSTALL_LINES } from '../../../src/sim/routes/startup-write';
import { validateEggValue } from '../../../src/sim/http/egg-rules';
import { api, getJson, postJson, WsProbe } from './sim-test-kit';

let sim: SimPanel | null = null;
const probes: WsProbe[] = [];

afterEach(async () => {
  for (const p of probes.splice(0)) p.ws.terminate();
  await sim?.close();
  sim = null;
});

async function start(options: SimPanelOptions = {}): Promise<{ panel: SimPanel; paper: string }> {
  sim = await startSimPanel({ servers: 6, tickMs: 50, ...options });
  const { body } = await getJson<{ data: Array<{ attributes: { identifier: string; egg: number } }> }>(sim, '/api/client');
  // The first server of the Paper egg (its variables: MINECRAFT_VERSION, SERVER_JARFILE, BUILD_NUMBER).
  for (const s of body.data) {
    const startup = await getJson(sim, `/api/client/servers/${s.attributes.identifier}/startup`);
    if (startup.body.data.some((v: { attributes: { env_variable: string } }) => v.attributes.env_variable === 'SERVER_JARFILE')) {
      return { panel: sim, paper: s.attributes.identifier };
    }
  }
  throw new Error('no Paper server in the sim');
}

type Errors = { errors: Array<{ code: string; detail: string; meta?: unknown }> };

const put = (panel: SimPanel, path: string, body: unknown): Promise<Response> => postJson(panel, path, body, 'PUT');

describe('PUT startup/variable', () => {
  it('saves a value and answers the variable with the new startup command', async () => {
    const { panel, paper } = await start();
    const res = await put(panel, `/api/client/servers/${paper}/startup/variable`, { key: 'SERVER_JARFILE', value: ' paper.jar ' });
    expect(res.status).toBe(200);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked field by field
    const body: any = await res.json();
    expect(body.attributes).toMatchObject({ env_variable: 'SERVER_JARFILE', server_value: 'paper.jar' });
    expect(body.meta.startup_command).toContain('-jar paper.jar');
    expect(body.meta.raw_startup_command).toContain('{{SERVER_JARFILE}}');
    expect(panel.control.servers().find((s) => s.identifier === paper)?.variables.SERVER_JARFILE).toBe('paper.jar');
  });

  it('answers 422 in Laravel’s shape when the egg’s rules refuse the value', async () => {
    const { panel, paper } = await start();
    const res = await put(panel, `/api/client/servers/${paper}/startup/variable`, { key: 'SERVER_JARFILE', value: 'paper.zip' });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      errors: [{ code: 'ValidationException', status: '422', detail: 'The value format is invalid.', meta: { source_field: 'value', rule: 'regex' } }],
    });
  });

  it('answers 400 for a read-only or unknown variable with the panel’s words', async () => {
    const { panel, paper } = await start({ flavor: 'pelican' });
    const readOnly = await put(panel, `/api/client/servers/${paper}/startup/variable`, { key: 'BUILD_NUMBER', value: '12' });
    expect(readOnly.status).toBe(400);
    expect(((await readOnly.json()) as Errors).errors[0]).toMatchObject({
      code: 'BadRequestHttpException',
      detail: 'The environment variable you are trying to edit is read-only.',
    });
    const unknown = await put(panel, `/api/client/servers/${paper}/startup/variable`, { key: 'NOPE', value: '1' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as Errors).errors[0]?.detail).toBe('The environment variable you are trying to edit does not exist.');
  });

  it('answers Pterodactyl’s 500 for a key of no variable (it reads the variable before its null check)', async () => {
    const { panel, paper } = await start();
    const res = await put(panel, `/api/client/servers/${paper}/startup/variable`, { key: 'NOPE', value: '1' });
    expect(res.status).toBe(500);
  });

  it('answers 403 to a subuser without startup.update', async () => {
    const { panel, paper } = await start();
    panel.control.setPermissions(paper, ['startup.read']);
    const res = await put(panel, `/api/client/servers/${paper}/startup/variable`, { key: 'SERVER_JARFILE', value: 'a.jar' });
    expect(res.status).toBe(403);
  });
});

describe('PUT settings/docker-image', () => {
  it('takes one of the egg’s images, refuses others (422) and a custom image set by an admin (400)', async () => {
    const { panel, paper } = await start();
    const path = `/api/client/servers/${paper}/settings/docker-image`;
    expect((await put(panel, path, { docker_image: 'ghcr.io/pterodactyl/yolks:java_21' })).status).toBe(204);
    expect(panel.control.servers().find((s) => s.identifier === paper)?.dockerImage).toBe('ghcr.io/pterodactyl/yolks:java_21');
    const other = await put(panel, path, { docker_image: 'evil/image:latest' });
    expect(other.status).toBe(422);
    expect(((await other.json()) as Errors).errors[0]?.meta).toEqual({ source_field: 'docker_image', rule: 'in' });
    panel.control.setDockerImage(paper, 'registry.example/custom:1');
    const custom = await put(panel, path, { docker_image: 'ghcr.io/pterodactyl/yolks:java_17' });
    expect(custom.status).toBe(400);
    expect(((await custom.json()) as Errors).errors[0]?.detail).toBe(
      "This server's Docker image has been manually set by an administrator and cannot be updated.",
    );
  });
});

describe('settings/rename and settings/description', () => {
  it('Pterodactyl saves name and description in one rename; it has no description route', async () => {
    const { panel, paper } = await start();
    expect((await postJson(panel, `/api/client/servers/${paper}/settings/rename`, { name: 'Lobby', description: 'Main lobby' })).status).toBe(204);
    expect(panel.control.servers().find((s) => s.identifier === paper)).toMatchObject({ name: 'Lobby', description: 'Main lobby' });
    expect((await postJson(panel, `/api/client/servers/${paper}/settings/description`, { description: 'x' })).status).toBe(404);
    const empty = await postJson(panel, `/api/client/servers/${paper}/settings/rename`, { name: '' });
    expect(empty.status).toBe(422);
  });

  it('Pelican ignores a description sent with the name and takes it on its own route, 403 when not editable', async () => {
    const { panel, paper } = await start({ flavor: 'pelican' });
    const before = panel.control.servers().find((s) => s.identifier === paper)?.description;
    expect((await postJson(panel, `/api/client/servers/${paper}/settings/rename`, { name: 'Lobby', description: 'ignored' })).status).toBe(204);
    expect(panel.control.servers().find((s) => s.identifier === paper)).toMatchObject({ name: 'Lobby', description: before });
    expect((await postJson(panel, `/api/client/servers/${paper}/settings/description`, { description: 'Main lobby' })).status).toBe(204);
    expect(panel.control.servers().find((s) => s.identifier === paper)?.description).toBe('Main lobby');
    await panel.close();
    const locked = await start({ flavor: 'pelican', editableDescriptions: false });
    const res = await postJson(locked.panel, `/api/client/servers/${locked.paper}/settings/description`, { description: 'x' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual([]);
  });
});

describe('POST settings/reinstall', () => {
  it('sets installing, streams install output only to a root admin, then settles', async () => {
    const { panel, paper } = await start({ rootAdmin: true });
    const { probe } = await WsProbe.connect(panel, paper);
    probes.push(probe);
    const res = await api(panel, `/api/client/servers/${paper}/settings/reinstall`, { method: 'POST' });
    expect(res.status).toBe(202);
    expect(panel.control.servers().find((s) => s.identifier === paper)?.status).toBe('installing');
    await probe.next('install started');
    for (const line of INSTALL_LINES) expect((await probe.next('install output')).args).toEqual([line]);
    await probe.next('install completed');
    expect(panel.control.servers().find((s) => s.identifier === paper)?.status).toBeNull();
  });

  it('sends the owner (not a root admin) install started and completed but no output', async () => {
    const { panel, paper } = await start();
    const { probe } = await WsProbe.connect(panel, paper);
    probes.push(probe);
    await api(panel, `/api/client/servers/${paper}/settings/reinstall`, { method: 'POST' });
    await probe.next('install completed');
    expect(probe.frames.map((f) => f.event)).toContain('install started');
    expect(probe.frames.some((f) => f.event === 'install output')).toBe(false);
  });

  it('lets a root admin (only) have a websocket token during the install', async () => {
    const { panel, paper } = await start();
    panel.control.setStatus(paper, 'installing');
    expect((await api(panel, `/api/client/servers/${paper}/websocket`)).status).toBe(409);
    await panel.close();
    const admin = await start({ rootAdmin: true });
    admin.panel.control.setStatus(admin.paper, 'installing');
    expect((await api(admin.panel, `/api/client/servers/${admin.paper}/websocket`)).status).toBe(200);
    expect((await api(admin.panel, `/api/client/servers/${admin.paper}/resources`)).status).toBe(409);
    expect((await getJson(admin.panel, '/api/client/account')).body.attributes.admin).toBe(true);
  });

  it('is refused while installing (409) and without settings.reinstall (403)', async () => {
    const { panel, paper } = await start();
    panel.control.setStatus(paper, 'installing');
    expect((await api(panel, `/api/client/servers/${paper}/settings/reinstall`, { method: 'POST' })).status).toBe(409);
    panel.control.setStatus(paper, null);
    panel.control.setPermissions(paper, ['settings.rename']);
    expect((await api(panel, `/api/client/servers/${paper}/settings/reinstall`, { method: 'POST' })).status).toBe(403);
  });
});

describe('the sim’s own Laravel rules', () => {
  it.each([
    ['required|integer|between:1025,65535', '80', 'between'],
    ['required|string|max:20', null, 'required'],
    ['required|boolean', 'true', 'boolean'],
    ['required|string|starts_with:gm_', 'de_dust', 'starts_with'],
  ] as const)('%s refuses %j with %s', (rules, value, rule) => {
    expect(validateEggValue(value, rules).map((f) => f.rule)).toEqual([rule]);
  });

  it('lets nullable take null and counts characters without a numeric rule', () => {
    expect(validateEggValue(null, 'nullable|string|max:20')).toEqual([]);
    expect(validateEggValue('123456', 'required|string|max:5')[0]?.detail).toBe('The value may not be greater than 5 characters.');
    expect(validateEggValue('123456', 'required|integer|max:5')[0]?.detail).toBe('The value may not be greater than 5.');
  });
});
