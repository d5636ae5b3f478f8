/**
 * A server's console in the real window: the panel's backlog on opening, a command typed and sent
 * with Enter, and the game's answer streamed back from Wings; also what a stopped server offers.
 * Once per panel release (their Wings differ: throttled commands, the daemon's own lines).
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { computedStyle, openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';
import { simVersions } from '../../helpers/sim-versions';

/** The terminal's visible text (xterm's DOM renderer draws one element per row). */
function terminalText(output: Locator): Promise<string> {
  return output.locator('.xterm-rows').innerText();
}

describe.skipIf(!hasSecretService).each(simVersions())('the console on %s', (version) => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  let output: Locator;

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { version, servers: 4 } });
    watch = watchConsole(env.page, env.app);
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  it('shows the backlog of a running server when opened', async () => {
    // Server 0 runs the Paper egg (src/sim: eggs cycle Paper, Paper, Valheim…).
    const server = env.sim.control.servers()[0]!;
    expect(server.state).toBe('running');
    await openServer(env.page, server.name, 'Console');
    output = env.page.getByRole('tabpanel');
    await expect.poll(() => terminalText(output), { timeout: 15_000 }).toContain('Done (4.213s)! For help, type "help"');
    expect(await terminalText(output)).toContain('Loading Paper 1.20.4');
    await expect.poll(() => env.page.getByText('Connected', { exact: true }).isVisible()).toBe(true);
  });

  it('sends a typed command with Enter and shows the game’s answer', async () => {
    const input = env.page.getByRole('textbox', { name: 'Console command' });
    await input.fill('say hello from the window');
    await input.press('Enter');
    await expect.poll(() => terminalText(output), { timeout: 10_000 }).toContain('[Server] hello from the window');
    // The window shows the sent command once (the panel does not echo it).
    expect((await terminalText(output)).split('> say hello from the window').length - 1).toBe(1);
    expect(await input.inputValue()).toBe('');
    await input.fill('list');
    await input.press('Enter');
    await expect.poll(() => terminalText(output), { timeout: 10_000 }).toContain('There are 0 of a max of 20 players online');
    // ↑ brings the last command back.
    await input.press('ArrowUp');
    expect(await input.inputValue()).toBe('list');
    await input.fill('');
    await shot(env.page, `console-command-answered-${version}`);
  });

  it('shows lines the server prints on its own, in its colours under the CSP', async () => {
    const server = env.sim.control.servers()[0]!;
    env.sim.control.emitConsole(server.identifier, '\u001b[31mA red line from the game\u001b[0m');
    await expect.poll(() => terminalText(output), { timeout: 10_000 }).toContain('A red line from the game');
    // xterm's runtime rules reached the page (through the inert-style bridge): the red is drawn red.
    const colour = await computedStyle(output.locator('.xterm-rows span', { hasText: 'A red line from the game' }), 'color');
    const [r, g, b] = colour.match(/\d+/g)!.map(Number);
    expect(r).toBeGreaterThan(150);
    expect(g! + b!).toBeLessThan(r!);
  });

  it('offers no command line for an offline server, and says why', async () => {
    const offline = env.sim.control.servers().find((s) => s.state === 'offline');
    if (!offline) throw new Error('the seeded panel has no offline server');
    await env.page.getByRole('button', { name: 'Back to servers' }).click();
    await openServer(env.page, offline.name, 'Console');
    const input = env.page.getByRole('textbox', { name: 'Console command' });
    await expect.poll(() => input.isDisabled(), { timeout: 10_000 }).toBe(true);
    expect(await input.getAttribute('placeholder')).toBe('Start the server to send commands');
    await shot(env.page, `console-offline-${version}`);
  });

  it('printed no CSP violation and no error', () => {
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
