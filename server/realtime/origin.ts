/**
 * Browsers send `Origin` on the websocket handshake; a page on another site may
 * not ride a user's cookies into Trio. No Origin at all (a same-origin polling
 * request, a non-browser client) carries no such risk.
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, appUrl?: string): boolean {
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (appUrl && parsed.origin === new URL(appUrl).origin) return true;
  return host !== undefined && parsed.host === host;
}
