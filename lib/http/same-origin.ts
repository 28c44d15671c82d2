// Cross-site request forgery: a page on another site may not ride a user's
// cookies into Trio. Browsers say where a request comes from (`Origin`, and
// `Sec-Fetch-Site` on newer ones); only our own public origin may change state.
// A request with neither header is not a browser's cross-site request (curl,
// an integrator's server) and carries no cookie risk.
import { env } from "../env.ts";
import { AppError } from "../errors.ts";

type OriginHeaders = { origin?: string | null; secFetchSite?: string | null };

/** Trio's public origin (scheme, host, port): APP_URL, else NEXTAUTH_URL, else where the request arrived. */
export function appOrigin(fallbackUrl?: string): string | null {
  const url = env().APP_URL ?? env().NEXTAUTH_URL ?? fallbackUrl;
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
  if (!isSameOrigin(headers, appOrigin(request.url)))
    throw new AppError("forbidden", "This request must come from Trio's own pages.");
}
