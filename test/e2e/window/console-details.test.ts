/**
 * The console's details in the real window on the double (issue 15, items 8 and 10): the game's
 * ANSI colours as sent, Wings' `[Pterodactyl Daemon]` / `[Pelican Daemon]` lines in a style of
 * their own, timestamps on request, search in the scrollback (Ctrl+F), copy on select through
 * main's clipboard, and a link to the panel's own origin clickable while one elsewhere is not.
 * One panel version is enough: all of it is the window's own drawing of lines (the daemon lines of
 * both flavours are sent here by hand); console.test.ts covers each version's Wings.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { computedStyle, openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

const ESC = '\u001b[';

/** The terminal's visible text (xterm's DOM renderer draws one element per row). */
function terminalText(output: Locator): Promise<string> {
  return output.locator('.xterm-rows').innerText();
}

/** [r, g, b] of a CSS colour. */
function rgb(colour: string): [number, number, number] {
  const [r, g, b] = colour.match(/\d+/g)!.map(Number);
  return [r!, g!, b!];
}

/** The middle of `text` as drawn in the terminal's rows, in page coordinates. */
async function centreOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.locator('.xterm-rows').evaluate((rows, wanted) => {
    const doc = rows.ownerDocument;
    for (const row of rows.children) {
      const walker = doc.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const range = doc.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    }
    return null;
  }, text);
  if (!point) throw new Error(`"${text}" is not on screen in one piece`);
  return point;
}

describe.skipIf(!hasSecretService)('the console’s details', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  let output: Locator;
  let server: { identifier: string; name: string };

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 2 } });
    watch = watchConsole(env.page, env.app);
    server = env.sim.control.servers()[0]!;
    await openServer(env.page, server.name, 'Console');
    output = env.page.getByRole('tabpanel');
    await output.locator('.xterm-rows', { hasText: 'Done (4.213s)!' }).waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  const emit = (line: string): void => env.sim.control.emitConsole(server.identifier, line);
  const span = (text: string): Locator => output.locator('.xterm-rows span', { hasText: text });

  it('draws the ANSI colours the game sends: 16 colours, bold, 256 and 24-bit', async () => {
    emit(`${ESC}32mgreen words${ESC}0m ${ESC}1;34mbold blue words${ESC}0m ${ESC}38;5;208morange 256${ESC}0m ${ESC}38;2;200;0;200mmagenta true colour${ESC}0m`);
    await expect.poll(() => terminalText(output), { timeout: 10_000 }).toContain('magenta true colour');
    const [gr, gg, gb] = rgb(await computedStyle(span('green words'), 'color'));
    expect(gg).toBeGreaterThan(gr + 40);
    expect(gg).toBeGreaterThan(gb);
    const [br, , bb] = rgb(await computedStyle(span('bold blue words'), 'color'));
    expect(bb).toBeGreaterThan(br + 60);
    expect(Number(await computedStyle(span('bold blue words'), 'font-weight'))).toBeGreaterThanOrEqual(600);
    const [or, og, ob] = rgb(await computedStyle(span('orange 256'), 'color'));
    expect(or).toBeGreaterThan(200);
    expect(og).toBeGreaterThan(ob);
    const [mr, mg, mb] = rgb(await computedStyle(span('magenta true colour'), 'color'));
    expect(Math.min(mr, mb)).toBeGreaterThan(mg + 80);
  });

  it("styles Wings' own lines apart from the game's, for both panels' daemons", async () => {
    // As Wings prints them (server/console.go PublishConsoleOutputFromDaemon, colorstring).
    emit(`${ESC}33m${ESC}1m[Pterodactyl Daemon]:${ESC}39m Checking server disk space usage, this could take a few seconds...${ESC}0m`);
    emit(`${ESC}33m${ESC}1m[Pelican Daemon]:${ESC}39m Updating process configuration files...${ESC}0m`);
    emit('[12:00:01 INFO]: A plain line of the game');
    await expect.poll(() => terminalText(output), { timeout: 10_000 }).toContain('A plain line of the game');
    const game = rgb(await computedStyle(span('A plain line of the game'), 'color'));
    for (const [tag, words] of [
      ['[Pterodactyl Daemon]:', 'Checking server disk space usage'],
      ['[Pelican Daemon]:', 'Updating process configuration files'],
    ] as const) {
      const tagColour = rgb(await computedStyle(span(tag), 'color'));
      const wordsColour = rgb(await computedStyle(span(words), 'color'));
      // Yellow: red and green well above blue; bold tag; the words yellow too, unlike the game's line.
      for (const [r, g, b] of [tagColour, wordsColour]) expect(Math.min(r, g)).toBeGreaterThan(b + 60);
      expect(Number(await computedStyle(span(tag), 'font-weight'))).toBeGreaterThanOrEqual(600);
      expect(wordsColour).not.toEqual(game);
    }
    await shot(env.page, 'console-colours-and-daemon-lines');
  });

  it('shows timestamps on request: the time each line arrived, --:--:-- for the backlog and for Wings’ replay', async () => {
    const toggle = env.page.getByRole('checkbox', { name: 'Timestamps' });
    await toggle.check();
    await expect.poll(() => terminalText(output), { timeout: 10_000 }).toMatch(/--:--:-- .*Done \(4\.213s\)!/);
    // Lines just after a socket connects are taken for Wings' replay of its log (REPLAY_WINDOW_MS)
    // and get no time; a line printed once that is over gets its own. Printed until one is stamped:
    // the wait is on what the app draws, not on a sleep.
    const printUntilStamped = async (words: string): Promise<void> => {
      let n = 0;
      const stamped = new RegExp(`\\d\\d:\\d\\d:\\d\\d ${words} \\d+`);
      await expect
        .poll(
          async () => {
            emit(`${words} ${++n}`);
            return terminalText(output);
          },
          { timeout: 15_000, interval: 500 },
        )
        .toMatch(stamped);
    };
    await printUntilStamped('a line after the toggle');
    await shot(env.page, 'console-timestamps');
    // The node drops every socket and comes back: the console starts over with Wings' replay of
    // its log, lines printed before, which get no time rather than the time they came again.
    const connection = env.page.locator('.strip [role="status"]');
    const before = await terminalText(output);
    const last = /a line after the toggle (\d+)\n?\s*$/.exec(before)?.[1];
    expect(last, 'the last stamped line').toBeDefined();
    await env.sim.control.setNodeReachable(false);
    await expect.poll(() => connection.innerText(), { timeout: 15_000 }).not.toBe('Connected');
    await env.sim.control.setNodeReachable(true);
    await expect.poll(() => connection.innerText(), { timeout: 20_000 }).toBe('Connected');
    const replayed = new RegExp(`--:--:-- a line after the toggle ${last}\\b`);
    await expect.poll(() => terminalText(output), { timeout: 20_000 }).toMatch(replayed);
    // (At a line's start: the game's own "[10:00:06 INFO]" is not a stamp.)
    expect(await terminalText(output)).not.toMatch(/^\d\d:\d\d:\d\d (a line after the toggle|.*Done \(4\.213s\)!)/m);
    await printUntilStamped('a line after the reconnect');
    // Each frame's rows are sampled while the terminal is redrawn without stamps: it is never drawn
    // empty between the clear and the lines (the clear waits for their frame, frame-batcher.ts).
    const sampler = output.locator('.xterm-rows');
    await sampler.evaluate((rows) => {
      const win = rows.ownerDocument.defaultView!;
      const w = win as unknown as { blankFrames: number; sampling: boolean };
      w.blankFrames = 0;
      w.sampling = true;
      const sample = (): void => {
        if ((rows.textContent ?? '').trim() === '') w.blankFrames++;
        if (w.sampling) win.requestAnimationFrame(sample);
      };
      win.requestAnimationFrame(sample);
    });
    await toggle.uncheck();
    // The terminal is cleared, then redrawn at the next frame (writes are batched): wait for both.
    const redrawn = async (): Promise<[boolean, boolean]> => {
      const text = await terminalText(output);
      return [text.includes('a line after the reconnect'), /\d\d:\d\d:\d\d a line after/.test(text)];
    };
    await expect.poll(redrawn, { timeout: 10_000 }).toEqual([true, false]);
    const blankFrames = await sampler.evaluate((rows) => {
      const w = rows.ownerDocument.defaultView as unknown as { blankFrames: number; sampling: boolean };
      w.sampling = false;
      return w.blankFrames;
    });
    expect(blankFrames, 'frames drawn with an empty terminal while it was redrawn').toBe(0);
  });

  it('searches the scrollback with Ctrl+F, counting and stepping through the matches', async () => {
    for (let i = 1; i <= 3; i++) emit(`needle number ${i} in the hay`);
    await expect.poll(() => terminalText(output), { timeout: 10_000 }).toContain('needle number 3');
    await env.page.keyboard.press('Control+f');
    const box = env.page.getByRole('searchbox', { name: 'Search the console' });
    await expect.poll(() => box.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await box.fill('NEEDLE number');
    const count = env.page.getByRole('search').getByRole('status');
    await expect.poll(() => count.textContent(), { timeout: 5_000 }).toBe('1 of 3');
    await box.press('Enter');
    await expect.poll(() => count.textContent()).toBe('2 of 3');
    await box.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe('1 of 3');
    // Every match is highlighted on the text.
    expect(await output.locator('.xterm-decoration').count()).toBeGreaterThanOrEqual(3);
    await shot(env.page, 'console-search');
    await box.fill('no such words anywhere');
    await expect.poll(() => count.textContent()).toBe('No matches');
    await box.press('Escape');
    await expect.poll(() => box.count()).toBe(0);
  });

  it('copies a selection made with the mouse to the clipboard, through main', async () => {
    emit('copy this exact phrase please');
    await expect.poll(() => terminalText(output), { timeout: 10_000 }).toContain('copy this exact phrase please');
    const writes = env.app.clipboard().writes.length;
    const from = await centreOf(env.page, 'copy this');
    const to = await centreOf(env.page, 'phrase please');
    await env.page.mouse.move(from.x - 30, from.y);
    await env.page.mouse.down();
    await env.page.mouse.move(to.x + 40, to.y, { steps: 8 });
    await env.page.mouse.up();
    await env.app.waitFor(() => env.app.clipboard().writes.length > writes, { timeoutMs: 5_000, message: 'the selection reached the clipboard' });
    expect(env.app.clipboard().text).toContain('this exact phrase');
    await shot(env.page, 'console-copy-on-select');
  });

  it("opens a link to the panel's own origin on a click, and leaves a link elsewhere as text", async () => {
    const origin = new URL(env.sim.url).origin;
    const panelLink = `${origin}/server/${server.identifier}`;
    const elsewhere = 'https://elsewhere.example.net/free-diamonds';
    emit(`Panel: ${panelLink} and not ${elsewhere}`);
    await expect.poll(() => terminalText(output), { timeout: 10_000 }).toContain('free-diamonds');
    const before = env.app.shellCalls().length;

    const away = await centreOf(env.page, 'elsewhere.example.net');
    await env.page.mouse.move(away.x, away.y);
    expect(await computedStyle(env.page.locator('.xterm-screen'), 'cursor')).not.toBe('pointer');
    await env.page.mouse.click(away.x, away.y);

    const link = await centreOf(env.page, `/server/${server.identifier}`);
    await env.page.mouse.move(link.x, link.y);
    // xterm marks a hovered link with the pointer cursor (and underlines it).
    await expect.poll(() => env.page.locator('.xterm-screen').evaluate((el) => el.classList.contains('xterm-cursor-pointer')), { timeout: 5_000 }).toBe(true);
    await shot(env.page, 'console-panel-link-hovered');
    await env.page.mouse.click(link.x, link.y);
    await env.app.waitFor(() => env.app.shellCalls().length > before, { timeoutMs: 5_000, message: 'the panel link opened' });
    expect(env.app.shellCalls().slice(before)).toEqual([{ method: 'openExternal', target: panelLink }]);
  });

  it('printed no CSP violation and no error', () => {
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
