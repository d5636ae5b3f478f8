// One sim version (default, or SIM_VERSION's): alert channels are the app's own.
/**
 * Settings › Alerts in the real window, against local receivers on 127.0.0.1: a Discord channel
 * is added (main asks before alerts go to a new address), its "Send test" reaches the receiver in
 * Discord's format and the page shows what the receiver said; with the receiver down it says why;
 * the webhook URL (its token is in the path) is in no IPC reply, no log line, and not in the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';
import { AlertReceiver } from '../../helpers/alert-receivers';

describe.skipIf(!hasSecretService)('alert channels in the window', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  let discord: AlertReceiver;

  beforeAll(async () => {
    discord = await AlertReceiver.start('discord');
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 2 } });
    watch = watchConsole(env.page, env.app);
    await env.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await env.page.getByRole('heading', { level: 2, name: 'Alerts' }).waitFor();
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
    await discord?.close();
  });

  const item = () => env.page.getByRole('listitem', { name: 'Ops Discord' });

  it('adds a Discord channel once main’s question is answered', async () => {
    const page = env.page;
    await page.getByRole('button', { name: 'Add a channel' }).click();
    const form = page.getByRole('form', { name: 'Add a channel' });
    await form.getByLabel('Name', { exact: true }).fill('Ops Discord');
    await form.getByLabel('Webhook URL').fill(discord.url);
    // The URL is a password field: the token in its path is not on screen.
    expect(await form.getByLabel('Webhook URL').getAttribute('type')).toBe('password');
    await form.getByRole('button', { name: 'Save channel' }).scrollIntoViewIfNeeded();
    await shot(page, 'settings-alerts-form');
    const asked = env.app.dialog.calls().length;
    await env.app.dialog.answerNext('showMessageBox', { response: 0 });
    await form.getByRole('button', { name: 'Save channel' }).click();
    await item().waitFor();
    const question = env.app.dialog.calls().slice(asked);
    expect(question.map((c) => [c.kind, c.options.message])).toEqual([['showMessageBox', `Send alerts to ${new URL(discord.url).host}?`]]);
    expect(JSON.stringify(question)).not.toContain('discord-token-SECRET');
    expect(await item().innerText()).toMatch(/Discord webhook[\s\S]*Nothing sent yet/);
  });

  it('"Send test" reaches the receiver as Discord expects it and shows its answer', async () => {
    await item().getByRole('button', { name: 'Send a test message to Ops Discord' }).click();
    const [got] = await discord.waitFor(1);
    expect(got!.path).toBe('/api/webhooks/1187/discord-token-SECRET');
    expect(got!.json).toMatchObject({
      content: expect.stringContaining('Pterotray test message'),
      embeds: [{ title: 'Pterotray test message' }],
      allowed_mentions: { parse: [] },
    });
    const result = item().getByRole('status');
    await expect.poll(() => result.innerText()).toBe('Test message sent. Delivered (HTTP 204).');
    await expect.poll(() => item().innerText()).toMatch(/Delivering/);
    await shot(env.page, 'settings-alerts');
  });

  it('says why when the receiver is down', async () => {
    discord.down('reset');
    await item().getByRole('button', { name: 'Send a test message to Ops Discord' }).click();
    await expect.poll(() => item().getByRole('status').innerText(), { timeout: 20_000 }).toMatch(/^Test message not delivered: Discord could not be reached/);
    discord.up();
  });

  it('keeps the webhook URL out of every IPC reply, log line and the page', async () => {
    const secret = 'discord-token-SECRET';
    const replies = env.app.ipcLog().filter((e) => e.kind !== 'invoke' || e.channel !== 'alerts:save');
    expect(JSON.stringify(replies)).not.toContain(secret);
    // The one call that carried it is the page's own save; its reply does not echo it.
    const saves = env.app.ipcLog().filter((e) => e.kind === 'invoke' && e.channel === 'alerts:save');
    expect(saves).toHaveLength(1);
    expect(JSON.stringify(saves[0]!.reply)).not.toContain(secret);
    expect(JSON.stringify(env.app.logs())).not.toContain(secret);
    expect(await env.page.content()).not.toContain(secret);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
    expect(watch.cspViolations()).toEqual([]);
  });
});
