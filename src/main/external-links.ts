/**
 * The only way a URL leaves the app for the browser: it must be on the origin of a configured
 * panel, parsed with `new URL`, and https (http only for a panel on this machine, like the demo,
 * or one the person chose to use without encryption: src/shared/transport.ts);
 * or be a feature's terms page (src/shared/feature-terms.ts), which the renderer names by feature.
 */
import { mayUse } from '../shared/transport';

export type ExternalLinkVerdict = { allowed: true; url: string } | { allowed: false; reason: string };

/** A configured panel: its base URL, and whether the person allowed it on plain http. */
export type LinkPanel = { url: string; allowsPlainHttp: boolean };

/** Decides whether `candidate` may be opened, given the configured panels. */
export function checkExternalLink(candidate: string, panels: readonly LinkPanel[]): ExternalLinkVerdict {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { allowed: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { allowed: false, reason: 'not https' };
  if (url.username || url.password) return { allowed: false, reason: 'credentials in URL' };
  const origins = new Map<string, boolean>();
  for (const { url: base, allowsPlainHttp } of panels) {
    try {
      origins.set(new URL(base).origin, allowsPlainHttp);
    } catch {
      // not a URL: matches nothing
    }
  }
  if (!origins.has(url.origin)) return { allowed: false, reason: 'not a configured panel' };
  if (!mayUse(url.href, origins.get(url.origin) === true)) return { allowed: false, reason: 'not https' };
  return { allowed: true, url: url.href };
}

/** The panel page of a server, as the panel's own UI links it. */
export function serverPageUrl(panelUrl: string, identifier: string): string {
  return `${panelUrl.replace(/\/+$/, '')}/server/${encodeURIComponent(identifier)}`;
}

/** A server's SFTP details as the window shows them (ServerView.sftp). */
export type SftpDetails = { host: string; port: number; username: string };

/**
 * `sftp://<username>@<host>:<port>`, the username as the panel shows it (`<panel username>.<identifier>`,
 * pterodactyl resources/scripts/components/server/settings/SettingsContainer.tsx), percent-encoded.
 */
export function sftpUrl({ host, port, username }: SftpDetails): string {
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `sftp://${encodeURIComponent(username)}@${hostPart}:${port}`;
}

/**
 * Whether an `sftp://` URL may go to the system's SFTP client: exactly the URL of one of the
 * servers' own SFTP details (no password, no path, no query), so nothing the page wrote can.
 */
export function checkSftpLink(candidate: string, servers: readonly SftpDetails[]): ExternalLinkVerdict {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { allowed: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'sftp:') return { allowed: false, reason: 'not sftp' };
  if (url.password) return { allowed: false, reason: 'credentials in URL' };
  if ((url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) return { allowed: false, reason: 'more than an address' };
  if (!servers.some((s) => sftpUrl(s) === candidate)) return { allowed: false, reason: 'not a server of a configured panel' };
  return { allowed: true, url: candidate };
}
