/**
 * A server's activity log, paged and filtered as the panel allows
 * (`app/Http/Controllers/Api/Client/Servers/ActivityLogController.php` in pterodactyl/panel and
 * pelican-dev/panel): spatie QueryBuilder with `allowedFilters([AllowedFilter::partial('event')])`
 * (a case-insensitive "contains" match; a comma makes it any of several),
 * `allowedSorts(['timestamp'])`, `include=actor`, and `per_page` capped at 100 (default 25).
 */
import type { ActivityQuery } from './activity-query';
import type { CallOptions } from './client-types';
import { PanelError } from './errors';
import type { ActivityEntry, Page } from './models';
import { normalizeActivity, parsePage } from './normalize';
import { serverPath } from './paths';
import type { PanelRequester } from './requester';

export type { ActivityQuery } from './activity-query';

/** The panel's cap on `per_page`. */
export const ACTIVITY_MAX_PER_PAGE = 100;

function checkPage(page: number): number {
  if (!Number.isInteger(page) || page < 1) throw new PanelError({ kind: 'validation', message: 'The page must be a whole number from 1.' });
  return page;
}

/** `GET activity?page=&include=actor&sort=-timestamp[&filter[event]=][&per_page=]`, newest first. */
export function queryActivity(r: PanelRequester, server: string, query: ActivityQuery = {}, opts?: CallOptions): Promise<Page<ActivityEntry>> {
  const page = checkPage(query.page ?? 1);
  const params: Record<string, string | number> = { page, include: 'actor', sort: '-timestamp' };
  const event = query.event?.trim() ?? '';
  if (event !== '') params['filter[event]'] = event;
  if (query.perPage !== undefined) params.per_page = Math.min(ACTIVITY_MAX_PER_PAGE, checkPage(query.perPage));
  const spec = { method: 'GET' as const, path: serverPath(server, 'activity'), params, opts };
  return r.json(spec, (b) => parsePage(b, 'activity', page, normalizeActivity));
}
