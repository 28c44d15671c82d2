import type { Actor } from "../auth/actor.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { appendEntry, type Entry } from "../messages/append-entry.ts";
import type { MessageView } from "../messages/message-view.ts";
import { getVisibleJob } from "./get-visible-job.ts";
import type { JobRow } from "./job-view.ts";

const ATTEMPTS = 3;

export type JobChangeResult = { job: JobRow; message: MessageView | null };

/**
 * Changes a job by a rule that depends on how it stands now: read it, let
 * `decide` refuse (throw), do nothing (null) or word the entry, then append it
 * expecting the status and technician `decide` saw. If another change landed
 * in between, read and decide again, so the rule always judges the job it
 * writes. Nothing is locked or held while deciding.
 */
export async function changeJob(
  db: Db,
  actor: Actor,
  jobId: string,
  decide: (job: JobRow) => Omit<Entry, "expect"> | null | Promise<Omit<Entry, "expect"> | null>,
): Promise<JobChangeResult> {
  for (let attempt = 1; ; attempt++) {
    const job = await getVisibleJob(db, actor, jobId);
    const entry = await decide(job);
    if (!entry) return { job, message: null };
    const expect = { status: job.status, technicianId: job.technicianId };
    const result = await appendEntry(db, actor, jobId, { ...entry, expect });
    // A repeated clientId finds its entry stored already: nothing new to tell anyone.
    if (result.outcome !== "stale")
      return { job: result.job, message: result.outcome === "created" ? result.message : null };
    if (attempt === ATTEMPTS) {
      throw new AppError("conflict", "That was changed by someone else at the same time. Try again.");
    }
  }
}
