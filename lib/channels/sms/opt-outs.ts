// Numbers that texted STOP: nothing is sent to them until they text START.
// Kept per number (E.164), not per customer: the carriers' rule is per number.
import type { Db } from "../../db.ts";

export async function recordOptOut(db: Db, e164: string): Promise<void> {
  // A second STOP keeps the first one's time.
  await db.smsOptOut.upsert({ where: { phone: e164 }, create: { phone: e164 }, update: {} });
}

export async function removeOptOut(db: Db, e164: string): Promise<void> {
  await db.smsOptOut.deleteMany({ where: { phone: e164 } });
}

/** Whether this number texted STOP (and not START since): nothing is sent to it. */
export async function isOptedOut(db: Db, e164: string): Promise<boolean> {
  return (await db.smsOptOut.findUnique({ where: { phone: e164 }, select: { phone: true } })) !== null;
}
