// Cross-site request forgery: a page on another site may not ride a user's
// cookies into Trio. Browsers say where a request comes from (`Origin`, and
// `Sec-Fetch-Site` on newer ones); only our own public origin may change state.
// A request with neither header is not a browser's cross-site request (curl,
// an integrator's server) and carries no cookie risk.
import { env } from "../env.ts";
import { AppError } from "../errors.ts";

type OriginHeaders = { origin?: string | null; secFetchSite?: string | null };

/**
 * Trio's public origin (scheme, host, port): APP_URL when the operator set it;
 * else where the request arrived (localhost, 127.0.0.1 or a LAN address alike:
 * a foreign name pointed at us gets no one's cookies).
 */
export function appOrigin(fallbackUrl?: string): string | null {
  const url = env().APP_URL ?? fallbackUrl;
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a browser request comes from `ownOrigin`. `Origin: null` (sandboxed
 * frames, some redirects) and a different scheme, host or port are refused.
 */
export function isSameOrigin({ origin, secFetchSite }: OriginHeaders, ownOrigin: string | null): boolean {
  if (secFetchSite && secFetchSite !== "same-origin" && secFetchSite !== "none") return false;
  if (origin === undefined || origin === null || origin === "") return true;
  return ownOrigin !== null && origin === ownOrigin;
}

/** Throws `forbidden` unless the request comes from our own pages (or from no browser at all). */
export function assertSameOrigin(request: Request): void {
  const headers = { origin: request.headers.get("origin"), secFetchSite: request.headers.get("sec-fetch-site") };
  // Next builds request.url from its own hostname, not the Host the browser used.
  const host = request.headers.get("host");
  const arrivedAt = host ? `${new URL(request.url).protocol}//${host}` : request.url;
  if (!isSameOrigin(headers, appOrigin(arrivedAt)))
    throw new AppError("forbidden", "This request must come from Trio's own pages.");
}
