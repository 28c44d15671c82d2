import type { Actor } from "../auth/actor.ts";
import { canSeeJob } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { jobNotFound } from "../errors.ts";
import { type JobRow, jobSummarySelect } from "./job-view.ts";

/** Loads a job the actor may see, or throws the same 404 for unknown and forbidden. */
export async function getVisibleJob(db: Db, actor: Actor, jobId: string): Promise<JobRow> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: jobSummarySelect });
  if (!job || !canSeeJob(actor, job)) throw jobNotFound();
  return job;
}
