import { Prisma } from "../generated/prisma/client.ts";

/**
 * Who hears of a homeowner left waiting on the job `j` of the query this joins
 * into: the job's technician, and the company's dispatchers and admins, each
 * only in the company they act in (their first membership, as they sign in:
 * lib/auth/resolve-actor.ts). One row per person, as `u`. The emailed alert
 * (queue-waiting-alerts.ts) and the pushed one (lib/push/) ask the same.
 */
export const WAIT_AUDIENCE = Prisma.sql`
  CROSS JOIN LATERAL (
    SELECT j."technicianId" AS "userId" WHERE j."technicianId" IS NOT NULL
    UNION
    SELECT m."userId" FROM "Membership" m
    WHERE m."companyId" = j."companyId" AND m."role" IN ('DISPATCHER', 'ADMIN')
      AND m."id" = (SELECT o."id" FROM "Membership" o WHERE o."userId" = m."userId" ORDER BY o."createdAt" LIMIT 1)
  ) audience
  JOIN "User" u ON u."id" = audience."userId"`;
