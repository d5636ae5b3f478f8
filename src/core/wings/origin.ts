/** The `Origin` header Wings checks against its `remote` setting (the panel URL). */

/**
 * `scheme://host[:port]` of the panel, no path and no trailing slash; default ports are dropped
 * because browsers drop them too and Wings compares strings exactly.
 */
export function panelOrigin(panelUrl: string): string {
  return new URL(panelUrl.trim()).origin;
}
