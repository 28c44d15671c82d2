import type { Actor } from "../auth/actor.ts";
import { hashToken, isTokenShaped } from "../auth/tokens.ts";
import type { Db } from "../db.ts";
import { env } from "../env.ts";

/**
 * The link to show a homeowner who just sent a request (lib/intake/landing-cookies.ts),
 * only when the cookie holds a live link to the very job they are looking at.
 */
export async function newLinkToShow(db: Db, actor: Actor, token: string | undefined): Promise<string | null> {
  if (actor.kind !== "homeowner" || !token || !isTokenShaped(token)) return null;
  const link = await db.accessLink.findFirst({
    where: { tokenHash: hashToken(token), jobId: actor.jobId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  // The public address (server/index.ts always sets NEXTAUTH_URL from APP_URL or its own port).
  const origin = env().APP_URL ?? env().NEXTAUTH_URL ?? "http://localhost:3000";
  return link ? new URL(`/j/${token}`, origin).href : null;
}
