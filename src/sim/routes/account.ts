/** Account routes (§3.1): the key owner, permissions, API keys, account activity. */
import { activityOf } from '../state/extras';
import { systemPermissions } from '../state/permissions';
import { SIM_ACCOUNT_USER, activityView, userAttributes } from '../state/flavor-shapes';
import { includesOf, item, list, pageParams, paginated } from '../http/transform';
import { sendJson } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { SEED_EPOCH_MS, atom } from '../util/time';

/** The key owner's username; Pterodactyl's SFTP user is `<username>.<identifier>`. */
export const SIM_USERNAME = SIM_ACCOUNT_USER.username;

function account(ctx: RouteContext): void {
  const { flavor, rootAdmin } = ctx.state.options;
  // Pelican answers with its UserTransformer (no id, no names); Pterodactyl with AccountTransformer.
  const attributes =
    flavor === 'pelican'
      ? { ...userAttributes(flavor, SIM_ACCOUNT_USER), admin: rootAdmin, root_admin: rootAdmin }
      : { id: 1, admin: rootAdmin, username: SIM_USERNAME, email: SIM_ACCOUNT_USER.email, first_name: 'Demo', last_name: 'User', language: 'en' };
  sendJson(ctx, 200, item('user', attributes));
}

function apiKeys(ctx: RouteContext): void {
  const key = ctx.state.apiKey ?? '';
  sendJson(
    ctx,
    200,
    list([
      item('api_key', {
        identifier: key.slice(0, 16),
        description: 'Pterotray',
        allowed_ips: [],
        last_used_at: atom(ctx.state.clock.now()),
        created_at: atom(SEED_EPOCH_MS),
      }),
    ]),
  );
}

function activity(ctx: RouteContext): void {
  const { page, perPage } = pageParams(ctx.query, 25, 100);
  const withActor = includesOf(ctx.query).has('actor');
  const entries = activityOf(null, 40).map((entry) => activityView(ctx.state.options.flavor, entry, withActor));
  sendJson(ctx, 200, paginated(`${ctx.state.panelUrl}${ctx.url.pathname}`, ctx.query, entries, page, perPage));
}

/** The account routes. */
export const accountRoutes: PanelRoute[] = [
  { method: 'GET', path: '/api/client/account', handler: account },
  {
    method: 'GET',
    path: '/api/client/permissions',
    handler: (ctx) => sendJson(ctx, 200, item('system_permissions', { permissions: systemPermissions(ctx.state.options.flavor) })),
  },
  { method: 'GET', path: '/api/client/account/api-keys', handler: apiKeys },
  { method: 'GET', path: '/api/client/account/activity', handler: activity },
];
