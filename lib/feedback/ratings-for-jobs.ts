import type { Actor } from "../auth/actor.ts";
import type { Db } from "../db.ts";
import { type JobRating, toJobRating } from "./rating-view.ts";

/**
 * The ratings of these jobs as staff see them (JobSummary.rating), by job id;
 * jobs without a rating are absent. The caller has already checked access.
 */
export async function ratingsForJobs(db: Db, jobIds: string[]): Promise<Map<string, JobRating>> {
  if (jobIds.length === 0) return new Map();
  const rows = await db.feedback.findMany({
    where: { jobId: { in: jobIds } },
    select: {
      jobId: true,
      satisfaction: true,
      recommend: true,
      comment: true,
      seq: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  return new Map(rows.map((row) => [row.jobId, toJobRating(row)]));
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
