/**
 * Stop and Kill from the tray, end to end (issue 15): each asks first in a dialog naming the
 * server; Cancel sends the panel nothing; a confirmed one sends exactly its signal (asserted on
 * the sim's received signals, not only on the state) and gives one "… stopped" / "… was killed"
 * notice, or none with confirmations off; never "It was stopping.".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hasSecretService, invoke, serverItem, serverMenuPath, startAppOnSim, type AppOnSim } from './helpers/app-on-sim';
import { screenshotMenu, screenshotMessageBox } from './helpers/menu-picture';
import type { Settings } from '../../src/shared/types';

const CANCEL = 0;
const CONFIRM = 1;

let env: AppOnSim | undefined;

afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** A running server the tray shows running (the app follows it live before anything is asked). */
async function runningServer(app: AppOnSim, skip: string[] = []): Promise<{ identifier: string; name: string }> {
  const server = await app.app.waitFor(() => app.sim.control.servers().find((s) => s.state === 'running' && !skip.includes(s.identifier)), {
    timeoutMs: 15_000,
    message: 'a running server',
  });
  await app.app.waitFor(() => serverItem(app.app, server.name)?.label.startsWith('●'), { timeoutMs: 20_000, message: `the tray shows ${server.name} running` });
  return server;
}

const stateOf = (app: AppOnSim, identifier: string) => app.sim.control.servers().find((s) => s.identifier === identifier)?.state;
const signalsTo = (app: AppOnSim, identifier: string) => app.sim.control.powerSignals(identifier).map((s) => s.signal);
const noticesAbout = (app: AppOnSim, name: string) => app.app.notifications().filter((n) => n.title.startsWith(`${name} `));

/**
 * Clicks a server's tray item with the dialog it opens answered `response`; returns the dialog's
 * options once the double recorded it (the answer is given by then).
 */
async function clickAnswering(app: AppOnSim, name: string, item: string, response: number): Promise<Record<string, unknown>> {
  const path = serverMenuPath(app.app, name);
  if (!path) throw new Error(`${name} is not in the tray`);
  const before = app.app.dialog.calls().length;
  await app.app.dialog.answerNext('showMessageBox', { response });
  await app.app.clickMenu([...path, item]);
  const call = await app.app.waitFor(() => app.app.dialog.calls()[before], { timeoutMs: 5_000, message: `the "${item}" dialog` });
  expect(call.scripted).toBe(true);
  return call.options;
}

/** A crash of another server, told after everything before it: the marker that no notice is still on its way. */
async function crashMarker(app: AppOnSim, skip: string[]): Promise<void> {
  const other = await runningServer(app, skip);
  app.sim.control.crash(other.identifier);
  await app.app.waitFor(() => noticesAbout(app, other.name).some((n) => n.title === `${other.name} crashed`), {
    timeoutMs: 15_000,
    message: 'the crash notice',
  });
}

if (!hasSecretService) console.warn('tray-power e2e: SKIPPED, no private Secret Service (run under test/keychain/with-secret-service.sh)');

describe.skipIf(!hasSecretService)('Stop and Kill from the tray', () => {
  it('Stop asks first naming the server; Cancel sends nothing; Stop sends one stop and one "… stopped" notice', async () => {
    env = await startAppOnSim({ until: 'dashboard' });
    const server = await runningServer(env);
    await screenshotMenu(env.app.tray()?.menu ?? [], serverMenuPath(env.app, server.name) ?? [], 'tray-power-menu');

    const asked = await clickAnswering(env, server.name, 'Stop', CANCEL);
    expect(asked).toMatchObject({ type: 'warning', message: `Stop ${server.name}?`, buttons: ['Cancel', 'Stop'], defaultId: 0, cancelId: 0 });
    await screenshotMessageBox(asked, 'tray-power-stop-dialog');

    await clickAnswering(env, server.name, 'Stop', CONFIRM);
    await env.app.waitFor(() => stateOf(env!, server.identifier) === 'offline', { timeoutMs: 15_000, message: 'the server stopped' });
    // One signal in all: the Cancel sent none before the confirmed Stop sent its one.
    expect(signalsTo(env, server.identifier)).toEqual(['stop']);
    const notice = await env.app.waitFor(() => noticesAbout(env!, server.name).find((n) => n.title === `${server.name} stopped`), {
      timeoutMs: 15_000,
      message: `a "stopped" notice (have: ${noticesAbout(env, server.name).map((n) => n.title)})`,
    });
    expect(notice.body).toContain('Settings');
    await crashMarker(env, [server.identifier]);
    expect(noticesAbout(env, server.name).map((n) => n.title)).toEqual([`${server.name} stopped`]);
    expect(env.app.notifications().map((n) => n.body)).not.toContainEqual(expect.stringMatching(/It was (stopping|starting)/));
  });

  it('Kill asks first naming the server; Cancel sends nothing; Kill sends one kill and one "… was killed" notice', async () => {
    env = await startAppOnSim({ until: 'dashboard' });
    const server = await runningServer(env);
    // A server that hangs while stopping, as a modded one does: Kill is offered only then.
    env.sim.control.setState(server.identifier, 'stopping');
    await env.app.waitFor(() => serverItem(env!.app, server.name)?.submenu?.find((i) => i.label === 'Kill…')?.enabled === true, {
      timeoutMs: 15_000,
      message: 'Kill… offered while stopping',
    });

    const asked = await clickAnswering(env, server.name, 'Kill…', CANCEL);
    expect(asked).toMatchObject({ type: 'warning', message: `Kill ${server.name}?`, buttons: ['Cancel', 'Kill'], defaultId: 0, cancelId: 0 });
    await screenshotMessageBox(asked, 'tray-power-kill-dialog');

    await clickAnswering(env, server.name, 'Kill…', CONFIRM);
    await env.app.waitFor(() => stateOf(env!, server.identifier) === 'offline', { timeoutMs: 15_000, message: 'the server killed' });
    expect(signalsTo(env, server.identifier)).toEqual(['kill']);
    await env.app.waitFor(() => noticesAbout(env!, server.name).some((n) => n.title === `${server.name} was killed`), {
      timeoutMs: 15_000,
      message: `a "was killed" notice (have: ${noticesAbout(env, server.name).map((n) => n.title)})`,
    });
    await crashMarker(env, [server.identifier]);
    expect(noticesAbout(env, server.name).map((n) => n.title)).toEqual([`${server.name} was killed`]);
    expect(env.app.notifications().map((n) => n.body)).not.toContainEqual(expect.stringMatching(/It was (stopping|starting)/));
  });

  it('with confirmations off, a Stop and a Kill from the tray still ask, still send their signal, and are quiet', async () => {
    env = await startAppOnSim({ until: 'dashboard' });
    const settings = await invoke<Settings>(env.page, 'settingsGet');
    if (!settings.ok) throw new Error('settings:get failed');
    expect((await invoke(env.page, 'settingsUpdate', { notifications: { ...settings.value.notifications, confirmOwnActions: false } })).ok).toBe(true);

    const stopped = await runningServer(env);
    await clickAnswering(env, stopped.name, 'Stop', CONFIRM);
    await env.app.waitFor(() => stateOf(env!, stopped.identifier) === 'offline', { timeoutMs: 15_000, message: 'the server stopped' });
    const killed = await runningServer(env, [stopped.identifier]);
    env.sim.control.setState(killed.identifier, 'stopping');
    await env.app.waitFor(() => serverItem(env!.app, killed.name)?.submenu?.find((i) => i.label === 'Kill…')?.enabled === true, {
      timeoutMs: 15_000,
      message: 'Kill… offered while stopping',
    });
    await clickAnswering(env, killed.name, 'Kill…', CONFIRM);
    await env.app.waitFor(() => stateOf(env!, killed.identifier) === 'offline', { timeoutMs: 15_000, message: 'the server killed' });

    expect(signalsTo(env, stopped.identifier)).toEqual(['stop']);
    expect(signalsTo(env, killed.identifier)).toEqual(['kill']);
    await crashMarker(env, [stopped.identifier, killed.identifier]);
    expect(noticesAbout(env, stopped.name)).toEqual([]);
    expect(noticesAbout(env, killed.name)).toEqual([]);
  });
});
