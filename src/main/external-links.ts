/**
 * The only way a URL leaves the app for the browser: it must be on the origin of a configured
 * panel, parsed with `new URL`, and https (http only for a panel on this machine, like the demo);
 * or be a feature's terms page (src/shared/feature-terms.ts), which the renderer names by feature.
 */
export type ExternalLinkVerdict = { allowed: true; url: string } | { allowed: false; reason: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Decides whether `candidate` may be opened, given the panels' base URLs. */
export function checkExternalLink(candidate: string, panelUrls: readonly string[]): ExternalLinkVerdict {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { allowed: false, reason: 'not a URL' };
  }
  const isLoopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback)) return { allowed: false, reason: 'not https' };
  if (url.username || url.password) return { allowed: false, reason: 'credentials in URL' };
  const origins = new Set(
    panelUrls.flatMap((p) => {
      try {
        return [new URL(p).origin];
      } catch {
        return [];
      }
    }),
  );
  if (!origins.has(url.origin)) return { allowed: false, reason: 'not a configured panel' };
  return { allowed: true, url: url.href };
}

/** The panel page of a server, as the panel's own UI links it. */
export function serverPageUrl(panelUrl: string, identifier: string): string {
  return `${panelUrl.replace(/\/+$/, '')}/server/${encodeURIComponent(identifier)}`;
}

