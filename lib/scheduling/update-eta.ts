import type { Actor } from "../auth/actor.ts";
import { canChangeStatus } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { formatClock } from "../format/dates.ts";
import { changeJob } from "../jobs/change-job.ts";
import type { UpdateEtaInput } from "../jobs/schemas.ts";
import type { TransitionResult } from "../jobs/transition-job.ts";
import { companyTimeZone } from "./company-time-zone.ts";

/**
 * A new arrival time while the technician is on the way: one entry everyone
 * reads ("Sam now expects to arrive around 2:40 pm."), and it ends "running
 * late" (trio_append_entry clears it with any new ETA).
 */
export async function updateEta(db: Db, actor: Actor, input: UpdateEtaInput): Promise<TransitionResult> {
  const clock = formatClock(input.eta, await companyTimeZone(db, actor.companyId));
  const { job, message } = await changeJob(db, actor, input.jobId, (job) => {
    if (!canChangeStatus(actor, job, "EN_ROUTE")) {
      throw new AppError("forbidden", "Only the company can change the arrival time.");
    }
    if (job.status !== "EN_ROUTE") {
      throw new AppError("conflict", "An arrival time can be given only while the technician is on the way.");
    }
    return {
      kind: "STATUS",
      visibility: "EVERYONE",
      body: `${job.technician?.name ?? "Your technician"} now expects to arrive around ${clock}.`,
      change: { eta: new Date(input.eta) },
    };
  });
  if (!message) throw new Error("an ETA change wrote no entry");
  return { job, message };
}
