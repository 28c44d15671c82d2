import type { Actor } from "../auth/actor.ts";
import { jobScope } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { runStatement } from "../sql.ts";

/** Most closed jobs a search answers with: past jobs are found by narrowing, not by scrolling. */
export const MAX_SEARCH_RESULTS = 50;

// Closed jobs in the caller's scope (policy.jobScope: the company, and for a
// technician their own jobs) whose customer name, address, email or job title
// holds $3, whose phone holds the digits $4 (however it was written), or whose
// number is $5; newest first.
const CLOSED_JOB_IDS = `
  SELECT j."id" FROM "Job" j JOIN "Customer" c ON c."id" = j."customerId"
  WHERE j."companyId" = $1 AND ($2::uuid IS NULL OR j."technicianId" = $2::uuid)
    AND j."status" IN ('COMPLETED', 'CANCELED')
    AND (c."name" ILIKE $3 OR c."address" ILIKE $3 OR c."email" ILIKE $3 OR j."title" ILIKE $3
      OR ($4 <> '' AND regexp_replace(COALESCE(c."phone", ''), '\\D', '', 'g') LIKE '%' || $4 || '%')
      OR j."number"::text = $5)
  ORDER BY j."updatedAt" DESC
  LIMIT ${MAX_SEARCH_RESULTS}`;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** The ids of the closed jobs a search for `query` finds (a name, an address, a phone number or "#1042"). */
export async function searchClosedJobIds(db: Db, actor: Actor, query: string): Promise<string[]> {
  if (actor.kind !== "staff") return [];
  const scope = jobScope(actor, "");
  if (!scope) return [];
  const digits = query.replace(/\D/g, "");
  const rows = await runStatement<{ id: string }>(db, "trio_search_closed_jobs", CLOSED_JOB_IDS, [
    scope.companyId,
    scope.technicianId,
    likePattern(query),
    digits.length >= 3 ? digits : "",
    query.replace(/^#/, ""),
  ]);
  return rows.map((row) => row.id);
}
