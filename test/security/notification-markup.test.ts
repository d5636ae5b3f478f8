/**
 * A hostile panel against the real app on Linux, where libnotify hands a notification's body to a
 * server that may read it as markup (issue 11, item 2): server names with tags, bidi overrides and
 * control characters, and a power refusal whose `detail` is a link to a fake login page. Every
 * notification the app shows is plain on the desktop: no tag in a title or a body, every `&` of a
 * body an entity, no bidi or control character; the panel's detail is in no notification at all,
 * and the click on the failure opens the window, which shows that detail as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_ADVICE } from '../../src/core/api/errors';
import type { SimFault } from '../../src/sim';
import type { NotificationRecord } from '../electron-double/launch';
import type { MenuNode } from '../electron-double/shared/snapshot';
import { addAccount, hasSecretService, startAppOnSim, type FreshApp } from '../e2e/helpers/app-on-sim';

const EVIL = 'evil.example';
/** What a panel could put in `errors[0].detail` to phish through a notification that seems ours. */
const DETAIL_WORDS = 'Your Pterotray session expired: sign in again';
const DETAIL = `<a href="https://${EVIL}/login">${DETAIL_WORDS}</a>`;
/** The server the tray fails to restart: its websocket is refused, so power goes to REST /power. */
const NAME_REFUSED = `<a href="https://${EVIL}/login">Factions</a>`;
/** The server that crashes: a tag, a right-to-left override, an isolate, a bell and a line break. */
const NAME_CRASHING = '<b>Lobby</b>\u202E\u2066 & <i>co</i>\u0007\nsecond line';

// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const panelError = (status: number, detail: string): SimFault => ({
  type: 'status',
  status,
  body: { errors: [{ code: 'DisplayException', status: String(status), detail }] },
});

/** What a notification server that reads markup would find wrong in `n`, or [] when nothing. */
function markupProblems(n: NotificationRecord): string[] {
  const problems: string[] = [];
  for (const [field, text] of [
    ['title', n.title],
    ['body', n.body],
  ] as const) {
    if (/[<>]/.test(text)) problems.push(`${field} holds < or >: ${JSON.stringify(text)}`);
    if (CONTROL_OR_BIDI.test(text)) problems.push(`${field} holds a control or bidi character: ${JSON.stringify(text)}`);
    if (text.includes(EVIL) && field === 'body') problems.push(`body names ${EVIL}: ${JSON.stringify(text)}`);
  }
  // The body is markup on such a server: a bare `&` would be malformed, an entity is what is meant.
  if (/&(?!(amp|lt|gt);)/.test(n.body)) problems.push(`body holds a bare &: ${JSON.stringify(n.body)}`);
  return problems;
}

/** The tray item of a server whose panel name is `name` (the label is its mark, then the name). */
function trayItemOf(env: FreshApp, name: string): MenuNode | undefined {
  return (env.app.tray()?.menu ?? []).find((item) => item.type === 'submenu' && item.label.slice(2).startsWith(name));
}

/** Serves the panel's own list with two servers renamed, from now on. */
async function renameOnPanel(env: FreshApp, names: ReadonlyMap<string, string>): Promise<void> {
  const response = await fetch(`${env.sim.url}/api/client?per_page=100`, {
    headers: { Authorization: `Bearer ${env.sim.apiKey}`, Accept: 'application/json' },
  });
  const page = (await response.json()) as { data: Array<{ attributes: { identifier: string; name: string } }> };
  for (const server of page.data) server.attributes.name = names.get(server.attributes.identifier) ?? server.attributes.name;
  env.sim.control.injectFault({ route: 'GET /api/client', count: 100_000, fault: { type: 'status', status: 200, body: page } });
}

/** Adds the panel as onboarding does (main's own question answered with Add), then the dashboard. */
async function addPanel(env: FreshApp): Promise<void> {
  await env.page.getByRole('heading', { name: 'Welcome to Pterotray' }).waitFor({ timeout: 20_000 });
  const input = { url: env.sim.url, name: 'Test panel', apiKey: env.sim.apiKey, ...(hasSecretService ? {} : { sessionOnly: true }) };
  const added = await addAccount(env.app, env.page, input);
  if (!added.ok) throw new Error(`accountsAdd failed: ${added.error.code} ${added.error.message}`);
  await env.page.getByRole('button', { name: 'Back to servers' }).click({ timeout: 20_000 });
}

describe('notifications from a hostile panel, on Linux', () => {
  let env: FreshApp;
  let refused: { identifier: string };
  let crashing: { identifier: string };

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'launched', launch: { platform: 'linux' } });
    const servers = env.sim.control.servers();
    const running = servers.find((s) => s.state === 'running');
    const other = servers.find((s) => s !== running);
    if (!running || !other) throw new Error('the seeded panel needs a running server and another');
    crashing = running;
    refused = other;
    // Before the app sees the panel: the names it will learn, and a socket it will never get.
    await renameOnPanel(
      env,
      new Map([
        [crashing.identifier, NAME_CRASHING],
        [refused.identifier, NAME_REFUSED],
      ]),
    );
    env.sim.control.injectFault({
      route: new RegExp(`/servers/${refused.identifier}/websocket$`),
      count: 100_000,
      fault: panelError(403, 'This action is unauthorized.'),
    });
    await addPanel(env);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('names a crashed server without its tags, bidi overrides or control characters', async () => {
    // As the tray spec does: crash once the app follows the server live (its mark in the tray).
    await env.app.waitFor(() => trayItemOf(env, NAME_CRASHING)?.label.startsWith('●'), { timeoutMs: 20_000, message: 'the crashing server followed live' });
    env.sim.control.crash(crashing.identifier);
    const notice = await env.app.waitFor(() => env.app.notifications().find((n) => n.title.endsWith(' crashed')), {
      timeoutMs: 15_000,
      message: 'the crash notice',
    });
    expect(notice.title).toContain('Lobby');
    expect(notice.title).toContain('second line');
    expect(markupProblems(notice)).toEqual([]);
  });

  it('says a tray action failed in its own words: the panel’s detail is in no notification', async () => {
    await env.app.waitFor(() => trayItemOf(env, NAME_REFUSED)?.submenu?.find((i) => i.label === 'Restart')?.enabled, {
      timeoutMs: 20_000,
      message: 'Restart offered for the refused server',
    });
    env.sim.control.injectFault({ route: new RegExp(`/servers/${refused.identifier}/power$`), count: 2, fault: panelError(400, DETAIL) });
    const before = env.app.notifications().length;
    await env.app.clickMenu([trayItemOf(env, NAME_REFUSED)!.label, 'Restart']);
    const notice = await env.app.waitFor(
      () =>
        env.app
          .notifications()
          .slice(before)
          .find((n) => n.title.startsWith('Could not restart')),
      { timeoutMs: 15_000, message: 'the failure notice' },
    );
    expect(env.sim.control.requestCount(/\/power$/)).toBeGreaterThanOrEqual(1);
    expect(notice.title).toContain('Factions');
    expect(notice.body.startsWith(ERROR_ADVICE.validation)).toBe(true);
    expect(notice.body).not.toContain('session expired');
    expect(markupProblems(notice)).toEqual([]);
  });

  it('shows no notification, of any kind, as markup', () => {
    const shown = env.app.notifications();
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown.flatMap(markupProblems)).toEqual([]);
    expect(shown.filter((n) => `${n.title} ${n.body}`.includes(DETAIL_WORDS))).toEqual([]);
  });

  it('opens the server on a click, where the window shows the panel’s answer as text', async () => {
    const notice = env.app.notifications().find((n) => n.title.startsWith('Could not restart'));
    if (!notice) throw new Error('no failure notice');
    await env.app.clickNotification(notice.index);
    await env.page.getByRole('heading', { level: 1, name: NAME_REFUSED, exact: true }).waitFor({ timeout: 10_000 });
    await env.page
      .getByRole('button', { name: `Restart ${NAME_REFUSED}`, exact: true })
      .first()
      .click();
    // The second refusal, tried in the window: its detail is printed there, as text.
    await env.page.getByRole('alert').filter({ hasText: DETAIL_WORDS }).first().waitFor({ timeout: 10_000 });
    expect(await env.page.locator(`a[href*="${EVIL}"]`).count()).toBe(0);
  });
});
