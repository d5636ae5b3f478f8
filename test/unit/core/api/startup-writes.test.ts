/**
 * The Startup and Settings writes of PanelClient (startup-api.ts), answered through an axios
 * adapter with the bodies the panels send.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PanelClient } from '../../../../src/core/api/client';
import { fakeAdapter, type AdapterAnswer, type AdapterCall } from './helpers/fake-adapter';

const clients: PanelClient[] = [];

function clientWith(answer: (call: AdapterCall) => AdapterAnswer): { c: PanelClient; calls: AdapterCall[] } {
  const { adapter, calls } = fakeAdapter(answer);
  const c = new PanelClient({ url: 'https://panel.example.com', apiKey: 'ptlc_testtesttest' }, { adapter });
  clients.push(c);
  return { c, calls };
}

afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

const notFound = {
  status: 404,
  body: { errors: [{ code: 'NotFoundHttpException', status: '404', detail: 'The requested resource could not be found on the server.' }] },
};

describe('updateStartupVariable', () => {
  it('PUTs {key, value} and reads back the variable with the new command', async () => {
    const { c, calls } = clientWith(() => ({
      body: {
        object: 'egg_variable',
        attributes: {
          name: 'Jar',
          description: '',
          env_variable: 'SERVER_JARFILE',
          default_value: 'server.jar',
          server_value: 'paper.jar',
          is_editable: true,
          rules: 'required',
        },
        meta: { startup_command: 'java -jar paper.jar', raw_startup_command: 'java -jar {{SERVER_JARFILE}}' },
      },
    }));
    const saved = await c.updateStartupVariable('abcd1234', 'SERVER_JARFILE', 'paper.jar');
    expect(calls[0]).toMatchObject({ method: 'PUT', path: '/servers/abcd1234/startup/variable' });
    expect(JSON.parse(String(calls[0]?.data))).toEqual({ key: 'SERVER_JARFILE', value: 'paper.jar' });
    expect(saved).toMatchObject({ variable: { envVariable: 'SERVER_JARFILE', serverValue: 'paper.jar' }, startupCommand: 'java -jar paper.jar' });
  });

  it('rejects a 422 as a validation error with the panel’s words', async () => {
    const { c } = clientWith(() => ({
      status: 422,
      body: {
        errors: [{ code: 'ValidationException', status: '422', detail: 'The value format is invalid.', meta: { source_field: 'value', rule: 'regex' } }],
      },
    }));
    await expect(c.updateStartupVariable('abcd1234', 'SERVER_JARFILE', 'x')).rejects.toMatchObject({
      kind: 'validation',
      detail: 'The value format is invalid.',
    });
  });
});

describe('renameServer', () => {
  it('on Pterodactyl sends name and description together; the missing description route counts as saved', async () => {
    const { c, calls } = clientWith((call) => (call.path.endsWith('/description') ? notFound : { status: 204 }));
    expect(await c.renameServer('abcd1234', { name: 'Lobby', description: 'Main' })).toBe('saved');
    expect(calls.map((x) => [x.method, x.path, JSON.parse(String(x.data))])).toEqual([
      ['POST', '/servers/abcd1234/settings/rename', { name: 'Lobby', description: 'Main' }],
      ['POST', '/servers/abcd1234/settings/description', { description: 'Main' }],
    ]);
  });

  it('on Pelican reports a description the panel does not let be edited (403)', async () => {
    const { c } = clientWith((call) => (call.path.endsWith('/description') ? { status: 403, body: [] } : { status: 204 }));
    expect(await c.renameServer('abcd1234', { name: 'Lobby', description: 'Main' })).toBe('not-editable');
  });

  it('sends only the name when no description is given', async () => {
    const { c, calls } = clientWith(() => ({ status: 204 }));
    expect(await c.renameServer('abcd1234', { name: 'Lobby' })).toBe('not-asked');
    expect(calls).toHaveLength(1);
  });
});

describe('setDockerImage and reinstallServer', () => {
  it('PUT docker-image with docker_image; POST reinstall takes the 202', async () => {
    const { c, calls } = clientWith((call) => (call.path.endsWith('reinstall') ? { status: 202, body: [] } : { status: 204 }));
    await c.setDockerImage('abcd1234', 'ghcr.io/pterodactyl/yolks:java_21');
    await c.reinstallServer('abcd1234');
    expect(calls.map((x) => [x.method, x.path])).toEqual([
      ['PUT', '/servers/abcd1234/settings/docker-image'],
      ['POST', '/servers/abcd1234/settings/reinstall'],
    ]);
    expect(JSON.parse(String(calls[0]?.data))).toEqual({ docker_image: 'ghcr.io/pterodactyl/yolks:java_21' });
  });
});
