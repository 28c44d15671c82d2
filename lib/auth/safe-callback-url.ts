/**
 * Where to send someone after signing in: a path on our own origin, or "/".
 * Anything else (another origin, `//evil.example`, `javascript:`, garbage that
 * is no URL at all) becomes "/", never an error and never an open redirect.
 */
export function safeCallbackPath(value: unknown, ownOrigin: string): string {
  if (typeof value !== "string" || value === "" || value.length > 2000) return "/";
  try {
    const url = new URL(value, ownOrigin);
    if (url.origin !== new URL(ownOrigin).origin) return "/";
    // "//host" in a Location header would leave for another site.
    if (url.pathname.startsWith("//")) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
