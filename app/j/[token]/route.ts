import { openAccessLink } from "@/lib/auth/access-links.ts";
import { HOMEOWNER_COOKIE } from "@/lib/auth/cookies.ts";
import { getDb } from "@/lib/db.ts";
import { AppError, toErrorBody } from "@/lib/errors.ts";
import { publicOrigin } from "@/lib/http/route.ts";

export const dynamic = "force-dynamic";

/**
 * A homeowner's link. Opening it starts a homeowner session (a cookie) and
 * lands on the thread. Links are reusable until they expire or are turned off,
 * so a mail or chat scanner fetching it first burns nothing.
 */
export async function GET(request: Request, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  const base = publicOrigin(request);
  try {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError("not_found", "This link is not valid.");
    const opened = await openAccessLink(getDb(), token);
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
    const reason = problem.code === "link_expired" ? "expired" : problem.code === "not_found" ? "invalid" : "error";
    const target = new URL("/link-problem", base);
    target.searchParams.set("reason", reason);
    if (problem.code === "link_expired") target.searchParams.set("message", problem.message);
    return Response.redirect(target, 303);
  }
}
