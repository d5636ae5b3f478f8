/**
 * `GET /servers/{server}/activity` as both panels answer it
 * (`app/Http/Controllers/Api/Client/Servers/ActivityLogController.php`): spatie QueryBuilder with
 * `allowedFilters([AllowedFilter::partial('event')])` (a case-insensitive LIKE %value%, a comma
 * making it any of several), `allowedSorts(['timestamp'])`, `with('actor')`, `per_page` default 25
 * capped at 100. Another filter or sort is spatie's 400 `InvalidFilterQuery` / `InvalidSortQuery`.
 * The entries are the seeded history plus what the sim's writes logged (state/activity-log.ts).
 */
import { PanelHttpError } from '../http/errors';
import { sendJson } from '../http/respond';
import type { RouteContext } from '../http/route-types';
import { serverOf } from '../http/route-types';
import { includesOf, pageParams, paginated } from '../http/transform';
import { loggedActivity } from '../state/activity-log';
import { activityOf } from '../state/extras';
import { activityView } from '../state/flavor-shapes';
import type { Item } from '../state/item';

/** How many seeded entries each server's log starts with. */
export const SEEDED_ACTIVITY_COUNT = 30;

function checkQuery(query: URLSearchParams): void {
  const filters = [...query.keys()].filter((k) => /^filter\[.*\]$/.test(k) && k !== 'filter[event]').map((k) => k.slice(7, -1));
  if (filters.length > 0) {
    throw new PanelHttpError(400, 'InvalidFilterQuery', `Requested filter(s) \`${filters.join(', ')}\` are not allowed. Allowed filter(s) are \`event\`.`);
  }
  const sorts = (query.get('sort') ?? '').split(',').filter((s) => s !== '' && s.replace(/^-/, '') !== 'timestamp');
  if (sorts.length > 0)
    throw new PanelHttpError(400, 'InvalidSortQuery', `Requested sort(s) \`${sorts.join(', ')}\` is not allowed. Allowed sort(s) are \`timestamp\`.`);
}

function matchesEvent(entry: Item, needles: string[]): boolean {
  const event = String(entry.attributes.event).toLowerCase();
  return needles.some((n) => event.includes(n));
}

/** The handler. */
export function serverActivity(ctx: RouteContext): void {
  checkQuery(ctx.query);
  const server = serverOf(ctx);
  const { page, perPage } = pageParams(ctx.query, 25, 100);
  // Insertion order (the table's id order) unless sorted: seeded oldest first, then the writes.
  let entries = [...activityOf(server, SEEDED_ACTIVITY_COUNT).reverse(), ...loggedActivity(server)];
  const needles = (ctx.query.get('filter[event]') ?? '')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n !== '');
  if (needles.length > 0) entries = entries.filter((e) => matchesEvent(e, needles));
  const sort = ctx.query.get('sort');
  if (sort === 'timestamp' || sort === '-timestamp') {
    const sign = sort === 'timestamp' ? 1 : -1;
    entries = entries
      .map((e, i) => ({ e, i }))
      .sort((a, b) => sign * (Date.parse(String(a.e.attributes.timestamp)) - Date.parse(String(b.e.attributes.timestamp))) || sign * (a.i - b.i))
      .map(({ e }) => e);
  }
  const withActor = includesOf(ctx.query).has('actor');
  const shaped = entries.map((entry) => activityView(ctx.state.options.flavor, entry, withActor));
  sendJson(ctx, 200, paginated(`${ctx.state.panelUrl}${ctx.url.pathname}`, ctx.query, shaped, page, perPage));
}
