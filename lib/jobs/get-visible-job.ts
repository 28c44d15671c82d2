import type { Actor } from "../auth/actor.ts";
import { canSeeJob, jobScope } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { jobNotFound } from "../errors.ts";
import { runStatement } from "../sql.ts";
import { type JobRow, jobSummarySelect } from "./job-view.ts";

/** Loads a job the actor may see, or throws the same 404 for unknown and forbidden. */
export async function getVisibleJob(db: Db, actor: Actor, jobId: string): Promise<JobRow> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: jobSummarySelect });
  if (!job || !canSeeJob(actor, job)) throw jobNotFound();
  return job;
}

const VISIBLE_JOB = `SELECT 1 FROM "Job" WHERE "id" = $1 AND "companyId" = $2 AND ($3::uuid IS NULL OR "technicianId" = $3::uuid)`;

/** The same check without the read, for every thread:join: one indexed lookup through pg (lib/sql.ts). */
export async function assertVisibleJob(db: Db, actor: Actor, jobId: string): Promise<void> {
  const scope = jobScope(actor, jobId);
  const found =
    scope && (await runStatement(db, "visible_job", VISIBLE_JOB, [jobId, scope.companyId, scope.technicianId]));
  if (!found?.length) throw jobNotFound();
}
