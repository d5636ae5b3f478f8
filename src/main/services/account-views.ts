/** Account records joined with the monitor's live status, as the window and tray show them. */
import type { AccountRecord } from '../../core/accounts/account-service';
import type { AccountView } from '../../shared/types';

export function accountViews(records: readonly AccountRecord[], live: readonly AccountView[]): AccountView[] {
  const byId = new Map(live.map((a) => [a.id, a]));
  return records.map((r) => {
    const status = byId.get(r.id);
    return {
      id: r.id,
      name: r.name,
      url: r.url,
      username: r.username,
      status: status?.status ?? 'checking',
      statusMessage: status?.statusMessage ?? null,
      keyStorage: r.keyStorage,
      isDemo: r.isDemo,
      allowsPlainHttp: r.allowsPlainHttp,
      // ── notices (issue 15) ──
      retryAtMs: status?.retryAtMs ?? null,
    };
  });
}
