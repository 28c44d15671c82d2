import type { Db } from "../db.ts";

export const STAFF_SESSION_DAYS = 7;

export async function createStaffSession(db: Db, userId: string) {
  const expiresAt = new Date(Date.now() + STAFF_SESSION_DAYS * 24 * 60 * 60 * 1000);
  return db.staffSession.create({ data: { userId, expiresAt }, select: { id: true, expiresAt: true } });
}

export async function revokeStaffSession(db: Db, sessionId: string) {
  await db.staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
