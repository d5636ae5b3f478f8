// One sim version (default, or SIM_VERSION's): the window's layout, not the panel's shapes.
/**
 * Every view from the window's minimum size (720×480) to a 4K screen (issue 15, item 2: "columns
 * collapse or wrap by priority, never clip an action"), beyond the dashboard and the server header
 * (layout.test.ts): Settings with its sticky Save bar and its add-a-panel form, the onboarding
 * form, the Timeline of all servers and a server's, and a server's Console (toolbar and search
 * box), Files (list, and the editor with its toolbar), Stats, Backups and Schedules with their forms' dialogs, Startup, and the other tabs (Databases, Users, Network, Activity, Settings, Notifications). At
 * each size every visible button, field and tab is wholly inside the window once the view's own
 * vertical scroll brings it in, drawn on top, and nothing scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type AppOnSim, type FreshApp } from '../helpers/app-on-sim';
import { closeEditor, editor, fileRow, openEntry } from '../helpers/files-kit';
import { expectReachable, reach, resizeWindow } from '../helpers/layout-kit';
import { openServer, serverRows, shot, type ServerTabLabel } from '../helpers/window-kit';

if (!hasSecretService) console.warn('views layout e2e: SKIPPED, no private Secret Service (run under test/keychain/with-secret-service.sh)');

const SIZES = [
  { width: 720, height: 480 },
  { width: 3840, height: 2160 },
] as const;

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

describe.skipIf(!hasSecretService)('every view from 720×480 to 4K', () => {
  let env: AppOnSim;
  let server = '';

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 4 } });
    await serverRows(env.page).first().waitFor({ timeout: 20_000 });
    server = (await serverRows(env.page).first().getAttribute('aria-label'))!;
  });

  afterAll(async () => {
    await env?.close();
  });

  it('the check itself sees a button cut off, one under another element, and a box that scrolls sideways', async () => {
    await resizeWindow(env, SIZES[0]);
    // Styled through the CSSOM: the window's CSP (style-src 'self') drops inline style attributes.
    await env.page.locator('body').evaluate((body) => {
      const doc = body.ownerDocument;
      const planted = doc.createElement('div');
      planted.id = 'planted';
      const add = (tag: string, style: Record<string, string>, text = ''): ReturnType<typeof doc.createElement> => {
        const el = doc.createElement(tag);
        Object.assign(el.style, { position: 'fixed', ...style });
        el.textContent = text;
        planted.append(el);
        return el;
      };
      add('button', { left: '680px', top: '200px', width: '100px' }, 'Cut off');
      add('button', { left: '100px', top: '200px', width: '100px' }, 'Covered');
      add('div', { left: '90px', top: '190px', width: '140px', height: '60px', background: 'red' });
      const wide = add('div', { left: '0', top: '300px', width: '200px', overflowX: 'auto' });
      wide.className = 'wide';
      const inner = doc.createElement('div');
      inner.style.width = '400px';
      inner.textContent = 'x';
      wide.append(inner);
      doc.body.append(planted);
    });
    const seen = await reach(env.page, '#planted');
    await env.page.locator('#planted').evaluate((el) => el.remove());
    expect(seen.checked).toBe(2);
    expect(seen.unreachable).toEqual([
      expect.stringMatching(/^button "Cut off" at 680\.\.780 .* outside$/),
      expect.stringMatching(/^button "Covered" .* under div\./),
    ]);
    expect(seen.sideways).toEqual([expect.stringMatching(/^div\.wide 400>200$/)]);
  });

  for (const size of SIZES) {
    const at = `${size.width}x${size.height}`;

    it(`at ${at}: Settings, every section and the sticky Save bar, and its add-a-panel form`, async () => {
      await resizeWindow(env, size);
      await nav(env.page, 'Settings').click();
      await env.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await env.page.getByRole('form', { name: 'Save settings' }).waitFor();
      await expectReachable(env.page, `Settings at ${at}`);
      // With an edit, the bar says so and its buttons wake: still reachable, over the sections.
      await env.page.getByRole('textbox', { name: 'CPU above', exact: true }).fill('80');
      await env.page.getByRole('button', { name: 'Save', exact: true }).and(env.page.locator(':enabled')).waitFor();
      await shot(env.page, `views-settings-unsaved-${at}`);
      await expectReachable(env.page, `Settings with an unsaved edit at ${at}`);
      await env.page.getByRole('button', { name: 'Discard changes', exact: true }).click();
      await env.page.getByRole('button', { name: 'Save', exact: true }).and(env.page.locator(':disabled')).waitFor();
      // The sections' own forms: a panel to add, an alert channel to add.
      for (const [opens, named] of [
        ['Add a panel', `views-settings-add-panel-${at}`],
        ['Add a channel', `views-settings-add-channel-${at}`],
      ] as const) {
        const button = env.page.getByRole('button', { name: opens, exact: true });
        await button.click();
        await expect.poll(() => button.count(), { message: `${opens} opened its form` }).toBe(0);
        await env.page.getByRole('button', { name: 'Cancel', exact: true }).scrollIntoViewIfNeeded();
        await shot(env.page, named);
        await expectReachable(env.page, `Settings' ${opens} form at ${at}`);
        await env.page.getByRole('button', { name: 'Cancel', exact: true }).click();
        await button.waitFor();
      }
      await nav(env.page, 'Servers').click();
      await serverRows(env.page).first().waitFor();
    });

    it(`at ${at}: the Timeline of every server`, async () => {
      await nav(env.page, 'Timeline').click();
      await env.page.getByRole('heading', { level: 1, name: 'Timeline' }).waitFor();
      await shot(env.page, `views-timeline-${at}`);
      await expectReachable(env.page, `Timeline at ${at}`);
      await nav(env.page, 'Servers').click();
      await serverRows(env.page).first().waitFor();
    });

    it(`at ${at}: a server's Console, its toolbar and its search box`, async () => {
      await openServer(env.page, server);
      await env.page.locator('.xterm').first().waitFor();
      await expectReachable(env.page, `Console at ${at}`);
      await env.page.getByRole('button', { name: 'Find', exact: true }).click();
      await env.page.getByRole('searchbox', { name: 'Search the console' }).waitFor();
      await shot(env.page, `views-console-search-${at}`);
      await expectReachable(env.page, `Console with its search box at ${at}`);
      await env.page.keyboard.press('Escape');
    });

    it(`at ${at}: Files, the list and the editor with its toolbar`, async () => {
      await env.page.getByRole('tab', { name: 'Files', exact: true }).click();
      await fileRow(env.page, 'server.properties').waitFor({ timeout: 15_000 });
      await shot(env.page, `views-files-${at}`);
      await expectReachable(env.page, `Files at ${at}`);
      await openEntry(env.page, 'server.properties');
      await editor(env.page, 'server.properties').waitFor();
      await env.page.locator('.cm-content .cm-line').first().waitFor();
      await shot(env.page, `views-files-editor-${at}`);
      await expectReachable(env.page, `the editor at ${at}`);
      await closeEditor(env.page);
    });

    for (const tab of [
      'Stats',
      'Backups',
      'Schedules',
      'Startup',
      'Databases',
      'Users',
      'Network',
      'Activity',
      'Settings',
      'Notifications',
      'Timeline',
    ] as const satisfies readonly ServerTabLabel[]) {
      it(`at ${at}: a server's ${tab}`, async () => {
        await env.page.getByRole('tab', { name: tab, exact: true }).click();
        await env.page.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
        // The tab's own content has drawn (not its loading line).
        await env.page.getByRole('tabpanel').first().waitFor();
        await expect.poll(() => env.page.getByRole('tabpanel').first().textContent(), { timeout: 15_000, message: `${tab} has loaded` }).not.toMatch(/Loading/);
        await shot(env.page, `views-server-${tab.toLowerCase()}-${at}`);
        await expectReachable(env.page, `${tab} at ${at}`);
        // Their forms open in a modal dialog, which scrolls itself when taller than the window.
        const form = { Backups: 'Create backup', Schedules: 'New schedule' } as Partial<Record<ServerTabLabel, string>>;
        const opens = form[tab];
        if (opens) {
          await env.page.getByRole('tabpanel').getByRole('button', { name: opens, exact: true }).click();
          const dialog = env.page.locator('dialog[open]');
          await dialog.waitFor();
          await shot(env.page, `views-server-${tab.toLowerCase()}-dialog-${at}`);
          await expectReachable(env.page, `${opens} at ${at}`, 'dialog[open]');
          await env.page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
        }
        if (tab === 'Timeline') {
          await env.page.getByRole('button', { name: 'Back to servers' }).click();
          await serverRows(env.page).first().waitFor();
        }
      });
    }
  }
});

describe.skipIf(!hasSecretService)('the onboarding form from 720×480 to 4K', () => {
  let fresh: FreshApp;

  beforeAll(async () => {
    fresh = await startAppOnSim({ until: 'launched' });
    await fresh.page.getByRole('heading', { name: 'Welcome to Pterotray' }).waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await fresh?.close();
  });

  for (const size of SIZES) {
    const at = `${size.width}x${size.height}`;
    it(`at ${at}: every field and button of the add-a-panel form`, async () => {
      await resizeWindow(fresh, size);
      await shot(fresh.page, `views-onboarding-${at}`);
      await expectReachable(fresh.page, `Onboarding at ${at}`);
    });
  }
});
