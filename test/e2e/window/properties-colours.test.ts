/**
 * server.properties shows syntax colours on screen (issue 15, item 10): the key, the value and a
 * comment are each drawn in their own colour, not the text colour (the editor's spec checks only
 * that the properties mode is chosen; this checks what a person sees).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { editor, fileRow, openEntry } from '../helpers/files-kit';
import { openServer, shot } from '../helpers/window-kit';

let env: AppOnSim;

if (!hasSecretService) console.warn('properties-colours e2e: SKIPPED, no private Secret Service (run under test/keychain/with-secret-service.sh)');

/** The colour each piece of the first line matching `line` is drawn in, by its text. */
async function coloursOf(line: RegExp): Promise<{ text: string; base: string; pieces: Record<string, string> }> {
  const target = env.page.locator('.cm-content .cm-line', { hasText: line }).first();
  await target.waitFor();
  return target.evaluate((el) => {
    const pieces: Record<string, string> = {};
    const view = el.ownerDocument.defaultView!;
    const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      if (text !== '') pieces[text] = view.getComputedStyle(node.parentElement!).color;
    }
    return { text: el.textContent ?? '', base: view.getComputedStyle(el).color, pieces };
  });
}

describe.skipIf(!hasSecretService)('server.properties in the editor', () => {
  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 1 } });
    const server = env.sim.control.servers()[0]!;
    const files = env.sim.control.files(server.identifier);
    files.write('/server.properties', '#Minecraft server properties\nmotd=A Minecraft Server\nmax-players=20\n');
    await openServer(env.page, server.name, 'Files');
    await fileRow(env.page, 'server.properties').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('draws keys, values and comments in colours of their own', async () => {
    await openEntry(env.page, 'server.properties');
    await editor(env.page, 'server.properties').waitFor();
    const comment = await coloursOf(/^#Minecraft/);
    const pair = await coloursOf(/^motd=/);
    const key = pair.pieces['motd'];
    const value = pair.pieces['A Minecraft Server'];
    const hash = comment.pieces['#Minecraft server properties'];
    await shot(env.page, 'notices-server-properties-colours');
    expect({ key, value, hash }).toEqual({ key: expect.any(String), value: expect.any(String), hash: expect.any(String) });
    // Each differs from the plain text colour and from the others.
    expect(new Set([pair.base, key, value, hash]).size).toBe(4);
  });
});
