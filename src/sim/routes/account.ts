/** Account routes (§3.1): the key owner, permissions, API keys, account activity. */
import { activityOf } from '../state/extras';
import { systemPermissions } from '../state/permissions';
import { item, list, pageParams, paginated } from '../http/transform';
import { sendJson } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { SEED_EPOCH_MS, atom } from '../util/time';

/** The key owner's username; Pterodactyl's SFTP user is `<username>.<identifier>`. */
export const SIM_USERNAME = 'demo';

function account(ctx: RouteContext): void {
  const created = atom(SEED_EPOCH_MS);
  const attributes =
    ctx.state.options.flavor === 'pelican'
      ? {
          uuid: '00000000-0000-4000-8000-000000000001',
          username: SIM_USERNAME,
          email: 'demo@pterotray.test',
          language: 'en',
          image: 'https://gravatar.com/avatar/0?s=160',
          root_admin: false,
          '2fa_enabled': false,
          created_at: created,
          updated_at: created,
        }
      : { id: 1, admin: false, username: SIM_USERNAME, email: 'demo@pterotray.test', first_name: 'Demo', last_name: 'User', language: 'en' };
  sendJson(ctx, 200, item('user', attributes));
}

function apiKeys(ctx: RouteContext): void {
  const key = ctx.state.apiKey ?? '';
  sendJson(
    ctx,
    200,
    list([item('api_key', { identifier: key.slice(0, 16), description: 'Pterotray', allowed_ips: [], last_used_at: atom(ctx.state.clock.now()), created_at: atom(SEED_EPOCH_MS) })]),
  );
}

function activity(ctx: RouteContext): void {
  const { page, perPage } = pageParams(ctx.query, 25, 100);
  sendJson(ctx, 200, paginated(`${ctx.state.panelUrl}${ctx.url.pathname}`, ctx.query, activityOf(null, 40), page, perPage));
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
