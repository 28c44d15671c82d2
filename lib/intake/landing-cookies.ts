// What a request leaves in the homeowner's browser: the same homeowner session
// cookie opening their link would (app/j/[token]/route.ts), and for a few
// minutes their new link itself, so the thread page can show it once to keep
// (the token is stored nowhere else; it never travels in a URL).
import { HOMEOWNER_COOKIE } from "../auth/cookies.ts";

export const NEW_LINK_COOKIE = "trio.new-link";
/** Long enough to read and copy the link; the page offers to forget it sooner. */
export const NEW_LINK_SECONDS = 30 * 60;

const secureFlag = (origin: string) => (origin.startsWith("https:") ? "; Secure" : "");

export function homeownerSessionCookie(sessionToken: string, expiresAt: Date, origin: string): string {
  return `${HOMEOWNER_COOKIE}=${sessionToken}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secureFlag(origin)}`;
}

export function newLinkCookie(token: string, origin: string): string {
  return `${NEW_LINK_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${NEW_LINK_SECONDS}${secureFlag(origin)}`;
}

export function forgetNewLinkCookie(origin: string): string {
  return `${NEW_LINK_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secureFlag(origin)}`;
}
