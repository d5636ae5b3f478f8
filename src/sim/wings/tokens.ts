/**
 * The tokens the panel issues for Wings and how Wings checks them: websocket JWTs (10 min by
 * default, §5.5) and single-use signed transfer URLs (15 min, a reuse gives 404, §3.3).
 */
import { createHash } from 'node:crypto';
import type { SimServer } from '../state/servers';
import type { SimState } from '../state/sim-state';
import { issueToken, verifyJwt } from './jwt';

const TRANSFER_TTL_MS = 15 * 60_000;
const SIM_USER_UUID = '00000000-0000-4000-8000-000000000001';

/** A websocket token that passed the checks. */
export interface WebsocketGrant {
  expMs: number;
  permissions: string[];
  /** `iat`, whole seconds, as the panel's `NodeJWTService` issues it. */
  iatS: number;
  serverUuid: string;
  userUuid: string;
}

/** Why Wings refused a websocket token, in its `jwt error` words (§5.4). */
export type WebsocketTokenError = 'jwt: exp claim is invalid' | 'jwt: server uuid mismatch' | 'jwt: created too far in past (denylist)' | 'signature';

/** A transfer token that passed the checks. */
export interface TransferGrant {
  serverUuid: string;
  filePath: string | null;
}

/** Issues and checks tokens; remembers used transfer tokens. */
export class TokenBook {
  private readonly used = new Set<string>();
  /** `userDenylist`: `server:user` (or `*:user` for every server) -> when it was denied, ms. */
  private readonly denials = new Map<string, number>();
  /**
   * `wingsBootTime`. Deliberately the start of the second the sim started in, so tokens of its
   * first second work (a real Wings has been up long before anyone asks for a token).
   */
  private readonly bootMs: number;

  constructor(private readonly state: SimState) {
    this.bootMs = Math.floor(state.clock.now() / 1000) * 1000;
  }

  /**
   * The panel revokes a user's tokens for a server (wings `DenyForServer`), or for every server
   * when `serverUuid` is null: tokens issued up to now are refused.
   */
  deny(serverUuid: string | null, userUuid = SIM_USER_UUID): void {
    this.denials.set(`${serverUuid ?? '*'}:${userUuid}`, this.state.clock.now());
  }

  /**
   * Wings' `isDenylisted` (pelican-dev/wings `router/tokens/websocket.go`): issued before Wings
   * booted, or not after the denial (`!IssuedAt.After(t)`): with `iat` in whole seconds and the
   * denial in nanoseconds, a token issued in the same second as the denial is refused too.
   * Pterodactyl Wings 2024 (1.11) refuses `IssuedAt.Before(t)`: the same, but for a denial on
   * an exact second.
   */
  isDenylisted(grant: Pick<WebsocketGrant, 'iatS' | 'serverUuid' | 'userUuid'>): boolean {
    const iatMs = grant.iatS * 1000;
    if (iatMs < this.bootMs) return true;
    const strict = this.state.options.wings === 'pterodactyl-1.11';
    for (const key of [`${grant.serverUuid}:${grant.userUuid}`, `*:${grant.userUuid}`]) {
      const deniedAt = this.denials.get(key);
      if (deniedAt !== undefined && (strict ? iatMs < deniedAt : iatMs <= deniedAt)) return true;
    }
    return false;
  }

  private issue(ttlMs: number, claims: Record<string, unknown>): string {
    return issueToken({
      secret: this.state.jwtSecret,
      panelUrl: this.state.panelUrl,
      wingsUrl: this.state.wingsUrl,
      nowMs: this.state.clock.now(),
      ttlMs,
      claims,
    });
  }

  /** `GET /websocket`'s token. */
  websocket(server: SimServer): string {
    const granted = server.permissions === null ? ['*'] : [...new Set(['websocket.connect', ...server.permissions])];
    // GetUserPermissionsService: a root admin gets `*` and the admin.websocket.* trio.
    const admin = ['*', 'admin.websocket.errors', 'admin.websocket.install', 'admin.websocket.transfer'];
    const permissions = this.state.options.rootAdmin ? admin : granted;
    return this.issue(this.state.options.tokenTtlMs, {
      jti: createHash('md5').update(`1${server.uuid}`).digest('hex'),
      server_uuid: server.uuid,
      permissions,
      user_uuid: SIM_USER_UUID,
      user_id: 1,
    });
  }

  /** A signed download URL's token. */
  download(server: SimServer, filePath: string): string {
    return this.issue(TRANSFER_TTL_MS, { file_path: filePath, server_uuid: server.uuid, user_uuid: SIM_USER_UUID });
  }

  /** A signed backup download URL's token (DownloadLinkService: `backup_uuid`, `server_uuid`). */
  downloadBackup(server: SimServer, backupUuid: string): string {
    return this.issue(TRANSFER_TTL_MS, { backup_uuid: backupUuid, server_uuid: server.uuid, user_uuid: SIM_USER_UUID });
  }

  /** Checks and uses up a backup download token (wings router_download.go `getDownloadBackup`). */
  consumeBackupDownload(token: string): { serverUuid: string; backupUuid: string } | 'invalid' | 'used' {
    const claims = verifyJwt(token, this.state.jwtSecret);
    if (!claims || typeof claims.server_uuid !== 'string' || typeof claims.backup_uuid !== 'string' || typeof claims.unique_id !== 'string') return 'invalid';
    if (!(Number(claims.sim_exp_ms) > this.state.clock.now())) return 'invalid';
    if (this.used.has(claims.unique_id)) return 'used';
    this.used.add(claims.unique_id);
    return { serverUuid: claims.server_uuid, backupUuid: claims.backup_uuid };
  }

  /** A signed upload URL's token. */
  upload(server: SimServer): string {
    return this.issue(TRANSFER_TTL_MS, { server_uuid: server.uuid, user_uuid: SIM_USER_UUID });
  }

  /** Checks a websocket token for the server at `uuid`. */
  checkWebsocket(token: string, uuid: string): WebsocketGrant | WebsocketTokenError {
    const claims = verifyJwt(token, this.state.jwtSecret);
    if (!claims) return 'signature';
    if (claims.server_uuid !== uuid) return 'jwt: server uuid mismatch';
    const expMs = Number(claims.sim_exp_ms);
    const permissions = Array.isArray(claims.permissions) ? claims.permissions.filter((p): p is string => typeof p === 'string') : [];
    const grant = { expMs, permissions, iatS: Number(claims.iat), serverUuid: uuid, userUuid: String(claims.user_uuid ?? '') };
    // Denied or issued before Wings booted (`isDenylisted`), as Wings words it.
    if (this.isDenylisted(grant)) return 'jwt: created too far in past (denylist)';
    if (!(expMs > this.state.clock.now())) return 'jwt: exp claim is invalid';
    return grant;
  }

  /** Checks and uses up a transfer token: 'invalid' (403) or 'used' (404) when refused. */
  consumeTransfer(token: string, kind: 'download' | 'upload'): TransferGrant | 'invalid' | 'used' {
    const claims = verifyJwt(token, this.state.jwtSecret);
    if (!claims || typeof claims.server_uuid !== 'string' || typeof claims.unique_id !== 'string') return 'invalid';
    if (!(Number(claims.sim_exp_ms) > this.state.clock.now())) return 'invalid';
    const filePath = typeof claims.file_path === 'string' ? claims.file_path : null;
    if ((kind === 'download') !== (filePath !== null)) return 'invalid';
    if (this.used.has(claims.unique_id)) return 'used';
    this.used.add(claims.unique_id);
    return { serverUuid: claims.server_uuid, filePath };
  }
}
