import type { Actor } from "../auth/actor.ts";
import { canCreateJob } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { normalizePhone } from "./schemas.ts";

export const CUSTOMER_RESULTS = 10;

export type CustomerMatch = {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
};

/**
 * The caller's company's customers whose name, email or phone (by its digits,
 * however it was written) contains the query. Dispatchers only; never another
 * company's.
 */
export async function searchCustomers(db: Db, actor: Actor, query: string): Promise<CustomerMatch[]> {
  if (!canCreateJob(actor)) throw new AppError("forbidden", "Only the office can look up customers.");
  const text = query.trim();
  if (text.length < 2) return [];
  const digits = normalizePhone(text).replace("+", "");
  const like = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return db.$queryRaw<CustomerMatch[]>`
    SELECT "id", "name", "phone", "email", "address"
    FROM "Customer"
    WHERE "companyId" = ${actor.companyId}::uuid
      AND ("name" ILIKE ${like} OR "email" ILIKE ${like}
        OR (${digits.length >= 3} AND regexp_replace(coalesce("phone", ''), '[^0-9]', '', 'g') LIKE ${`%${digits}%`}))
    ORDER BY "name" ASC, "createdAt" ASC
    LIMIT ${CUSTOMER_RESULTS}`;
}
