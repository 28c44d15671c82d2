import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { describeLinkProblem } from "./link-problems.ts";
import { hashToken, isTokenShaped, newToken } from "./tokens.ts";

const DAY = 24 * 60 * 60 * 1000;

/** Makes a homeowner link for a job; the raw token is returned once and never stored. */
export async function createAccessLink(db: Db, jobId: string, ttlDays: number) {
  const token = newToken();
  const link = await db.accessLink.create({
    data: { jobId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ttlDays * DAY) },
    select: { id: true, expiresAt: true },
  });
  return { ...link, token, path: `/j/${token}` };
}

export async function revokeAccessLink(db: Db, linkId: string) {
  await db.accessLink.updateMany({ where: { id: linkId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Why a link that exists cannot be used, and whose it is, for the page that says so. */
export class UnusableLink extends AppError {
  constructor(
    readonly reason: "expired" | "turned_off",
    readonly companySlug: string,
    companyName: string,
  ) {
    super("link_expired", describeLinkProblem(reason, companyName));
  }
}

/** Finds the live link behind a token, or explains why it cannot be used. */
export async function findUsableLink(db: Db, token: string) {
  const link = await db.accessLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      jobId: true,
      expiresAt: true,
      revokedAt: true,
      job: { select: { company: { select: { name: true, slug: true } } } },
    },
  });
  if (!link) throw new AppError("not_found", describeLinkProblem("invalid"));
  const { name, slug } = link.job.company;
  if (link.revokedAt) throw new UnusableLink("turned_off", slug, name);
  if (link.expiresAt <= new Date()) throw new UnusableLink("expired", slug, name);
  return link;
}

/**
 * Live homeowner sessions one link may have. A link sent to a family is opened
 * on a few phones; each further open ends the least recently seen session, so
 * a link opened over and over (or by a bot) never piles up live cookies.
 */
export const MAX_SESSIONS_PER_LINK = 20;

/**
 * Opening a link starts a homeowner session: a second random token, kept in a
 * cookie and stored hashed. The link itself stays usable until it expires, so a
 * mail scanner that follows it first burns nothing. A browser that opens the
 * link again with its live session's cookie keeps that session. Returns the
 * sessions ended to stay within the cap: the caller disconnects their sockets.
 *
 * Over the cap, sessions never used after their open go first (a scanner or
 * preview bot fetches the link and never comes back with the cookie), then the
 * least recently seen (lib/auth/resolve-actor.ts moves `lastSeenAt`), so
 * cookie-less opens cannot sign out a phone that is in use.
 */
export async function openAccessLink(db: Db, token: string, currentSessionToken?: string | null) {
  const link = await findUsableLink(db, token);
  const opened = { jobId: link.jobId, expiresAt: link.expiresAt };
  if (currentSessionToken && isTokenShaped(currentSessionToken)) {
    const current = await db.homeownerSession.findFirst({
      where: { tokenHash: hashToken(currentSessionToken), accessLinkId: link.id },
      select: { id: true },
    });
    if (current) return { ...opened, sessionToken: currentSessionToken, endedSessionIds: [] };
  }
  const sessionToken = newToken();
  // One instant for both: lastSeenAt = createdAt means "not used since the open".
  const now = new Date();
  const created = await db.homeownerSession.create({
    data: { accessLinkId: link.id, tokenHash: hashToken(sessionToken), createdAt: now, lastSeenAt: now },
    select: { id: true },
  });
  const others = await db.homeownerSession.findMany({
    where: { accessLinkId: link.id, id: { not: created.id } },
    select: { id: true, createdAt: true, lastSeenAt: true },
  });
  const endedSessionIds = others
    .sort(byMostRecentUse)
    .slice(MAX_SESSIONS_PER_LINK - 1)
    .map((session) => session.id);
  if (endedSessionIds.length > 0) await db.homeownerSession.deleteMany({ where: { id: { in: endedSessionIds } } });
  return { ...opened, sessionToken, endedSessionIds };
}

type SessionUse = { id: string; createdAt: Date; lastSeenAt: Date };

const wasUsed = (session: SessionUse) => session.lastSeenAt.getTime() > session.createdAt.getTime();

/** Used sessions before never-used ones, each most recently seen first (ties: newest id first, any stable order). */
function byMostRecentUse(a: SessionUse, b: SessionUse): number {
  return (
    Number(wasUsed(b)) - Number(wasUsed(a)) ||
    b.lastSeenAt.getTime() - a.lastSeenAt.getTime() ||
    b.createdAt.getTime() - a.createdAt.getTime() ||
    (a.id < b.id ? 1 : -1)
  );
}
