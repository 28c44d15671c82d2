import type { Db } from "../../db.ts";

/** Whether this number texted STOP (and not START since): nothing is sent to it. */
export async function isOptedOut(db: Db, e164: string): Promise<boolean> {
  return (await db.smsOptOut.findUnique({ where: { phone: e164 }, select: { phone: true } })) !== null;
}
