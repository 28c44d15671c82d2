import type { Actor } from "../auth/actor.ts";
import { isManager } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import type { JobStatus } from "../generated/prisma/enums.ts";
import { getVisibleJob } from "../jobs/get-visible-job.ts";
import { type JobRating, type OwnRating, toOwnRating } from "./rating-view.ts";
import { ratingsForJobs } from "./ratings-for-jobs.ts";

/** One of the customer's other jobs, for the office's "past jobs" list. */
export type PastJob = {
  id: string;
  number: number;
  title: string;
  status: JobStatus;
  updatedAt: string;
  rating: JobRating | null;
};

export type JobFeedback =
  | {
      for: "homeowner";
      rating: OwnRating | null;
      /** The company's public request page, to pass on to friends. */
      sharePath: string;
    }
  | {
      for: "staff";
      rating: JobRating | null;
      /** Managers only (technicians see the jobs assigned to them): the customer's other jobs, newest first. */
      history: PastJob[];
    };

const HISTORY_SIZE = 10;

/** What the actor may know of a job's rating: the homeowner their own, staff the rating and the customer's history. */
export async function getJobFeedback(db: Db, actor: Actor, jobId: string): Promise<JobFeedback> {
  const job = await getVisibleJob(db, actor, jobId);
  if (actor.kind === "homeowner") {
    const [feedback, company] = await Promise.all([
      db.feedback.findUnique({
        where: { jobId: job.id },
        select: { satisfaction: true, recommend: true, comment: true, seq: true, createdAt: true, updatedAt: true },
      }),
      db.company.findUniqueOrThrow({ where: { id: job.companyId }, select: { slug: true } }),
    ]);
    return {
      for: "homeowner",
      rating: feedback ? toOwnRating(feedback) : null,
      sharePath: `/r/${encodeURIComponent(company.slug)}`,
    };
  }
  const past = isManager(actor)
    ? await db.job.findMany({
        where: { companyId: job.companyId, customer: { jobs: { some: { id: job.id } } }, id: { not: job.id } },
        orderBy: { createdAt: "desc" },
        take: HISTORY_SIZE,
        select: { id: true, number: true, title: true, status: true, updatedAt: true },
      })
    : [];
  const ratings = await ratingsForJobs(db, [job.id, ...past.map((p) => p.id)]);
  return {
    for: "staff",
    rating: ratings.get(job.id) ?? null,
    history: past.map((p) => ({ ...p, updatedAt: p.updatedAt.toISOString(), rating: ratings.get(p.id) ?? null })),
  };
}
