/**
 * Browsers send `Origin` on the websocket handshake; a page on another site may
 * not ride a user's cookies into Trio. Only Trio's public origin (scheme, host
 * and port of APP_URL) may connect; the `Host` a request names is trusted only
 * in development, or when no public address is known. No Origin at all (a
 * non-browser client) carries no such risk.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  { appUrl, host, dev = false }: { appUrl?: string; host?: string; dev?: boolean },
): boolean {
  if (origin === undefined || origin === "") return true;
  if (appUrl && origin === new URL(appUrl).origin) return true;
  if ((dev || !appUrl) && host) return origin === `http://${host}` || origin === `https://${host}`;
  return false;
}
