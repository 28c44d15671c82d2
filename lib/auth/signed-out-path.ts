import { type CookieReader, HOMEOWNER_COOKIE, STAFF_COOKIES } from "./cookies.ts";

/**
 * Where a page sends a browser whose cookies name no live session. A homeowner
 * cookie that no longer works (the session was ended, or its link was) goes to
 * a page in homeowner words: the link they were sent is their way back in.
 * Staff, and anyone without cookies, go to the staff sign-in.
 */
export function signedOutPath(cookies: CookieReader): string {
  if (STAFF_COOKIES.some((name) => cookies.get(name))) return "/signin";
  return cookies.get(HOMEOWNER_COOKIE) ? "/link-problem?reason=signed_out" : "/signin";
}
