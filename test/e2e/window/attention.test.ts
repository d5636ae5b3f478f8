/**
 * Live states come first for what the person looks at: with a panel whose limit keeps the app to
 * a handful of requests a minute, the rows scrolled into view and a server marked as favourite
 * get theirs before every other server still unknown. The requests are read from the panel's
 * own log, so the order is the one the panel saw.
 *
 * One panel version is enough: the order comes from the app's budget, which every version shares;
 * the identifiers here are the 1.12 `serv_` kind, so nothing assumes 8 hex characters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppOnSim } from '../helpers/app-on-sim';
import { hasSecretService, startAppOnSim } from '../helpers/app-on-sim';
import { serverRow, serverRows, shot } from '../helpers/window-kit';

const SERVERS = 150;
// Half of it for the app (budget.ts windowHeadroom): 30 servers a minute at most, about twice the
// rows a window shows, so the rows in view and the favourite fit in the second minute.
const LIMIT_PER_MINUTE = 60;
const STATE_ROUTE = /^\/api\/client\/servers\/([^/]+)\/(websocket|resources)$/;

describe.skipIf(!hasSecretService)('attention: on screen and favourites first', () => {
  let env: AppOnSim;

  beforeAll(async () => {
    env = await startAppOnSim({
      until: 'dashboard',
      sim: { servers: SERVERS, rateLimitPerMinute: LIMIT_PER_MINUTE, version: 'pterodactyl-1.12', serverIdentifiers: 'prefixed' },
    });
  });
  afterAll(() => env?.close());

  it('serves the rows in view, then the favourite, before the rest', { timeout: 180_000 }, async () => {
    const { page, sim } = env;
    const servers = sim.control.servers();
    expect(servers.every((s) => s.identifier.startsWith('serv_'))).toBe(true);
    await expect.poll(() => serverRows(page).count()).toBe(SERVERS);

    // A favourite from the middle of the list, marked with its star, then out of view again.
    const favourite = servers[Math.floor(SERVERS / 2)]!;
    const star = serverRow(page, favourite.name).getByRole('button', { name: `Favourite: ${favourite.name}` });
    await star.scrollIntoViewIfNeeded();
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');

    // The end of the list in view: those rows are what the person looks at now.
    await page.locator('.body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    // Rows well inside the view, and rows that only touch its edges: an IntersectionObserver counts
    // an edge-adjacent row as intersecting, so those may come first or not.
    const rowsInView = (margin: number) =>
      page.locator('.body').evaluate((body, m) => {
        const box = body.getBoundingClientRect();
        return [...body.querySelectorAll('[role="row"]')]
          .filter((row) => {
            const r = row.getBoundingClientRect();
            return r.bottom > box.top + m && r.top < box.bottom - m;
          })
          .map((row) => row.getAttribute('aria-label') ?? '');
      }, margin);
    const inView = await rowsInView(1);
    const nearView = new Set(await rowsInView(-2));
    expect(inView.length).toBeGreaterThan(3);
    expect(inView).not.toContain(favourite.name);
    // The page reports after a quarter of a second: count what the panel is asked from then on.
    const reportedAt = Date.now() + 1_000;
    const byName = new Map(servers.map((s) => [s.name, s.identifier]));
    const nameOf = new Map(servers.map((s) => [s.identifier, s.name]));

    const askedBefore = (timeMs: number): Set<string> =>
      new Set(
        sim.control
          .requestLog()
          .filter((e) => e.port === 'panel' && e.timeMs < timeMs)
          .flatMap((e) => STATE_ROUTE.exec(e.path)?.[1] ?? []),
      );
    // Waits on the rows themselves: every row in view and the favourite say their live state.
    const isLive = async (name: string): Promise<boolean> => !/Unknown|as of/.test((await serverRow(page, name).textContent()) ?? 'Unknown');
    await expect.poll(async () => (await Promise.all([...inView, favourite.name].map(isLive))).every(Boolean), { timeout: 150_000, interval: 500 }).toBe(true);
    await shot(page, 'attention-rows-in-view-live');

    // Among the servers nobody had asked about when the report went in, the order of first asks.
    const earlier = askedBefore(reportedAt);
    const order: string[] = [];
    for (const entry of sim.control.requestLog()) {
      const id = entry.port === 'panel' && entry.timeMs >= reportedAt ? STATE_ROUTE.exec(entry.path)?.[1] : undefined;
      if (id && !earlier.has(id) && !order.includes(id)) order.push(id);
    }
    const waitingInView = inView.filter((name) => !earlier.has(byName.get(name) ?? ''));
    expect(waitingInView.length).toBeGreaterThan(0);
    const names = order.map((id) => nameOf.get(id) ?? id);
    // The first asked are the rows in view (and perhaps a row touching the edge), then the favourite.
    const leading = names.findIndex((name) => !nearView.has(name));
    const first = names.slice(0, leading < 0 ? names.length : leading);
    expect(first, `asked first: ${names.slice(0, waitingInView.length + 3).join(', ')}`).toEqual(expect.arrayContaining(waitingInView));
    if (!earlier.has(favourite.identifier)) expect(names[first.length], `asked first: ${names.slice(0, first.length + 3).join(', ')}`).toBe(favourite.name);
    // And most of the list is still waiting: the order was the budget's, not everything at once.
    expect(order.length).toBeLessThan(SERVERS / 2);
  });
});
