import type { Db } from "../db.ts";

/** The zone a company's times are written in (thread entries, windows). */
export async function companyTimeZone(db: Db, companyId: string): Promise<string> {
  const company = await db.company.findUniqueOrThrow({ where: { id: companyId }, select: { timeZone: true } });
  return company.timeZone;
}
