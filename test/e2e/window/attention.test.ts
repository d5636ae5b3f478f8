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
import { hasSecretService } from '../helpers/app-on-sim';
import { serverRow, serverRows, shot, startOnDashboard } from '../helpers/window-kit';

const SERVERS = 90;
// Half of it for the app while it catches up (budget.ts): a dozen servers a minute at most.
const LIMIT_PER_MINUTE = 30;
const STATE_ROUTE = /^\/api\/client\/servers\/([^/]+)\/(websocket|resources)$/;

describe.skipIf(!hasSecretService)('attention: on screen and favourites first', () => {
  let env: AppOnSim;

  beforeAll(async () => {
    env = await startOnDashboard({ sim: { servers: SERVERS, rateLimitPerMinute: LIMIT_PER_MINUTE, version: 'pterodactyl-1.12', serverIdentifiers: 'prefixed' } });
  });
  afterAll(() => env?.close());

  it('serves the rows in view, then the favourite, before the rest', async () => {
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
    const inView = await page.locator('.body').evaluate((body) => {
      const box = body.getBoundingClientRect();
      return [...body.querySelectorAll('[role="row"]')]
        .filter((row) => {
          const r = row.getBoundingClientRect();
          return r.bottom > box.top && r.top < box.bottom;
        })
        .map((row) => row.getAttribute('aria-label') ?? '');
    });
    expect(inView.length).toBeGreaterThan(3);
    expect(inView).not.toContain(favourite.name);
    // The page reports after a quarter of a second: count what the panel is asked from then on.
    const reportedAt = Date.now() + 1_000;
    const byName = new Map(servers.map((s) => [s.name, s.identifier]));
    const visible = new Set(inView.map((name) => byName.get(name)));

    const askedBefore = (timeMs: number): Set<string> =>
      new Set(
        sim.control
          .requestLog()
          .filter((e) => e.port === 'panel' && e.timeMs < timeMs)
          .flatMap((e) => STATE_ROUTE.exec(e.path)?.[1] ?? []),
      );
    // Waits on the rows themselves: every row in view and the favourite say their live state.
    const isLive = async (name: string): Promise<boolean> => !/Unknown|as of/.test((await serverRow(page, name).textContent()) ?? 'Unknown');
    await expect
      .poll(async () => (await Promise.all([...inView, favourite.name].map(isLive))).every(Boolean), { timeout: 100_000, interval: 500 })
      .toBe(true);
    await shot(page, 'attention-rows-in-view-live');

    // Among the servers nobody had asked about when the report went in, the order of first asks.
    const earlier = askedBefore(reportedAt);
    const order: string[] = [];
    for (const entry of sim.control.requestLog()) {
      const id = entry.port === 'panel' && entry.timeMs >= reportedAt ? STATE_ROUTE.exec(entry.path)?.[1] : undefined;
      if (id && !earlier.has(id) && !order.includes(id)) order.push(id);
    }
    const waitingInView = [...visible].filter((id): id is string => id !== undefined && !earlier.has(id));
    expect(waitingInView.length).toBeGreaterThan(0);
    expect(new Set(order.slice(0, waitingInView.length))).toEqual(new Set(waitingInView));
    if (!earlier.has(favourite.identifier)) expect(order[waitingInView.length]).toBe(favourite.identifier);
    // And most of the list is still waiting: the order was the budget's, not everything at once.
    expect(order.length).toBeLessThan(SERVERS / 2);
  });
});
