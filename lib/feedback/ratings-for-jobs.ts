import type { Actor } from "../auth/actor.ts";
import { isManager } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { LOW_RECOMMEND_MAX, LOW_SATISFACTION_MAX } from "./rating-rules.ts";
import { type FeedbackRow, type JobRating, toJobRating } from "./rating-view.ts";

/**
 * attention.ts's rule over a Feedback row `f`: a staff member wrote to the
 * homeowner (a TEXT entry everyone sees) after the rating's entry.
 */
export const STAFF_REPLIED_AFTER_RATING_SQL = `EXISTS (
  SELECT 1 FROM "Message" m JOIN "Participant" a ON a."id" = m."authorId"
  WHERE m."jobId" = f."jobId" AND m."seq" > f."seq" AND m."kind" = 'TEXT'
    AND m."visibility" = 'EVERYONE' AND a."role" <> 'HOMEOWNER')`;

const LOW_SQL = `(f."satisfaction" <= ${LOW_SATISFACTION_MAX} OR f."recommend" <= ${LOW_RECOMMEND_MAX})`;

const RATINGS = `
  SELECT f."jobId", f."satisfaction", f."recommend", f."comment", f."seq", f."createdAt", f."updatedAt",
    ${STAFF_REPLIED_AFTER_RATING_SQL} AS "answered"
  FROM "Feedback" f WHERE f."jobId" = ANY($1::uuid[])`;

/**
 * The ratings of these jobs as staff see them (JobSummary.rating), by job id;
 * jobs without a rating are absent. The caller has already checked access.
 */
export async function ratingsForJobs(db: Db, jobIds: string[]): Promise<Map<string, JobRating>> {
  if (jobIds.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<(FeedbackRow & { jobId: string; answered: boolean })[]>(RATINGS, jobIds);
  return new Map(rows.map((row) => [row.jobId, toJobRating(row, row.answered)]));
}

const NEEDING_ATTENTION = `
  SELECT f."jobId" FROM "Feedback" f JOIN "Job" j ON j."id" = f."jobId"
  WHERE j."companyId" = $1::uuid AND ${LOW_SQL} AND NOT ${STAFF_REPLIED_AFTER_RATING_SQL}
  ORDER BY f."updatedAt" DESC LIMIT 100`;

/** The company's jobs whose rating needs attention (attention.ts): boards list them even when completed. */
export async function jobsNeedingAttention(db: Db, companyId: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ jobId: string }[]>(NEEDING_ATTENTION, companyId);
  return rows.map((row) => row.jobId);
}

/** Staff lists carry each job's rating (JobSummary.rating, null: none); a homeowner's list doesn't. */
export async function withRatings<T extends { id: string }>(
  db: Db,
  actor: Actor,
  jobs: T[],
): Promise<(T & { rating?: JobRating | null })[]> {
  if (actor.kind !== "staff") return jobs;
  const ratings = await ratingsForJobs(
    db,
    jobs.map((job) => job.id),
  );
  return jobs.map((job) => ({ ...job, rating: ratings.get(job.id) ?? null }));
}

/** Besides the open jobs, a board lists the finished ones whose rating needs attention (attention.ts). */
export async function alsoOnBoard(db: Db, actor: Actor): Promise<string[]> {
  return isManager(actor) ? jobsNeedingAttention(db, actor.companyId) : [];
}
