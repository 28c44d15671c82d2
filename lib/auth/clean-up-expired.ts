import type { Db } from "../db.ts";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Expired and turned-off links stay this long, so whoever opens one late still
 * reads "expired, ask <company> for a new one" and the office sees it in the
 * job's link list; after that they go, with their sessions.
 */
export const LINK_RETENTION_DAYS = 90;

export type CleanUpResult = { staffSessions: number; homeownerSessions: number; accessLinks: number };

/**
 * Deletes what can no longer let anyone in: staff sessions that expired or were
 * signed out, homeowner sessions of links that expired or were turned off, and
 * links that ended more than LINK_RETENTION_DAYS ago. Live rows stay.
 */
export async function cleanUpExpired(db: Db, now = new Date()): Promise<CleanUpResult> {
  const staff = await db.staffSession.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { revokedAt: { not: null } }] },
  });
  const homeowner = await db.homeownerSession.deleteMany({
    where: { accessLink: { OR: [{ expiresAt: { lte: now } }, { revokedAt: { not: null } }] } },
  });
  const longAgo = new Date(now.getTime() - LINK_RETENTION_DAYS * DAY);
  const links = await db.accessLink.deleteMany({
    where: { OR: [{ expiresAt: { lte: longAgo } }, { revokedAt: { lte: longAgo } }] },
  });
  return { staffSessions: staff.count, homeownerSessions: homeowner.count, accessLinks: links.count };
}
