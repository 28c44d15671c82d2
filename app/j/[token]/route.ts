import { openAccessLink, UnusableLink } from "@/lib/auth/access-links.ts";
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
    const parsed = linkTokenSchema.safeParse(token);
    if (!parsed.success) throw new AppError("not_found", "This link is not valid.");
    const current = parseCookieHeader(request.headers.get("cookie")).get(HOMEOWNER_COOKIE);
    const opened = await openAccessLink(getDb(), parsed.data, current);
    for (const sessionId of opened.endedSessionIds) disconnectRoom(rooms.session(sessionId));
    const response = Response.redirect(new URL(`/jobs/${opened.jobId}`, base), 303);
    const secure = base.startsWith("https:") ? "; Secure" : "";
    const headers = new Headers(response.headers);
    headers.append(
      "set-cookie",
      `${HOMEOWNER_COOKIE}=${opened.sessionToken}; Path=/; HttpOnly; SameSite=Lax; Expires=${opened.expiresAt.toUTCString()}${secure}`,
    );
    headers.set("cache-control", "no-store");
    headers.set("referrer-policy", "no-referrer");
    return new Response(null, { status: 303, headers });
  } catch (error) {
    const { error: problem } = toErrorBody(error, "GET /j/:token");
    // Only a reason and a company slug travel in the URL: the page words them,
    // so no one can put their own text on Trio's page with a crafted link.
    const target = new URL("/link-problem", base);
    if (error instanceof UnusableLink) {
      target.searchParams.set("reason", error.reason);
      target.searchParams.set("company", error.companySlug);
    } else target.searchParams.set("reason", problem.code === "not_found" ? "invalid" : "error");
    return Response.redirect(target, 303);
  }
}
