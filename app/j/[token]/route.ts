import { findUsableLink, openAccessLink, UnusableLink } from "@/lib/auth/access-links.ts";
import { HOMEOWNER_COOKIE, parseCookieHeader } from "@/lib/auth/cookies.ts";
import { linkTokenSchema } from "@/lib/auth/tokens.ts";
import { getDb } from "@/lib/db.ts";
import { AppError, toErrorBody } from "@/lib/errors.ts";
import { publicOrigin } from "@/lib/http/route.ts";
import { disconnectRoom } from "@/lib/realtime/broadcast.ts";
import { rooms } from "@/lib/realtime/events.ts";

export const dynamic = "force-dynamic";

/**
 * A homeowner's link. Opening it starts a homeowner session (a cookie; the
 * browser's own live session again if it has one) and lands on the thread.
 * Links are reusable until they expire or are turned off, so a mail or chat
 * scanner fetching it first burns nothing.
 */
export async function GET(request: Request, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  const base = publicOrigin(request);
  try {
    const current = parseCookieHeader(request.headers.get("cookie")).get(HOMEOWNER_COOKIE);
    const opened = await openAccessLink(getDb(), parseToken(token), current);
    for (const sessionId of opened.endedSessionIds) disconnectRoom(rooms.session(sessionId));
    const headers = landingHeaders(new URL(`/jobs/${opened.jobId}`, base));
    const secure = base.startsWith("https:") ? "; Secure" : "";
    headers.append(
      "set-cookie",
      `${HOMEOWNER_COOKIE}=${opened.sessionToken}; Path=/; HttpOnly; SameSite=Lax; Expires=${opened.expiresAt.toUTCString()}${secure}`,
    );
    return new Response(null, { status: 303, headers });
  } catch (error) {
    return Response.redirect(problemTarget(error, base, "GET /j/:token"), 303);
  }
}

/**
 * What GET answers, without starting a session: link checkers and previewers
 * (mail scanners, chat unfurlers) send HEAD to see whether a link works, and a
 * HEAD that is answered like GET (RFC 9110) reads as a healthy link. A 405
 * would make some of them call the link broken, or retry with GET, which
 * starts a session after all. Without this export Next answers HEAD by
 * running GET.
 */
export async function HEAD(request: Request, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  const base = publicOrigin(request);
  try {
    const link = await findUsableLink(getDb(), parseToken(token));
    return new Response(null, { status: 303, headers: landingHeaders(new URL(`/jobs/${link.jobId}`, base)) });
  } catch (error) {
    return Response.redirect(problemTarget(error, base, "HEAD /j/:token"), 303);
  }
}

function parseToken(token: string): string {
  const parsed = linkTokenSchema.safeParse(token);
  if (!parsed.success) throw new AppError("not_found", "This link is not valid.");
  return parsed.data;
}

function landingHeaders(location: URL): Headers {
  return new Headers({ location: location.toString(), "cache-control": "no-store", "referrer-policy": "no-referrer" });
}

function problemTarget(error: unknown, base: string, context: string): URL {
  const { error: problem } = toErrorBody(error, context);
  // Only a reason and a company slug travel in the URL: the page words them,
  // so no one can put their own text on Trio's page with a crafted link.
  const target = new URL("/link-problem", base);
  if (error instanceof UnusableLink) {
    target.searchParams.set("reason", error.reason);
    target.searchParams.set("company", error.companySlug);
  } else target.searchParams.set("reason", problem.code === "not_found" ? "invalid" : "error");
  return target;
}
