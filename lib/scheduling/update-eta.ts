import type { Actor } from "../auth/actor.ts";
import { canChangeStatus } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { formatArrival } from "../format/dates.ts";
import { changeJob } from "../jobs/change-job.ts";
import type { UpdateEtaInput } from "../jobs/schemas.ts";
import type { TransitionResult } from "../jobs/transition-job.ts";
import { companyTimeZone } from "./company-time-zone.ts";

/**
 * A new arrival time while the technician is on the way: one entry everyone
 * reads ("Sam now expects to arrive around 2:40 pm."), and it ends "running
 * late" (trio_append_entry clears it with any new ETA). The same ETA again (a
 * retried tap) changes nothing.
 */
export async function updateEta(db: Db, actor: Actor, input: UpdateEtaInput): Promise<TransitionResult> {
  const eta = new Date(input.eta);
  const when = formatArrival(input.eta, await companyTimeZone(db, actor.companyId));
  return changeJob(db, actor, input.jobId, (job) => {
    if (!canChangeStatus(actor, job, "EN_ROUTE")) {
      throw new AppError("forbidden", "Only the company can change the arrival time.");
    }
    if (job.status !== "EN_ROUTE") {
      throw new AppError("conflict", "An arrival time can be given only while the technician is on the way.");
    }
    if (job.eta?.getTime() === eta.getTime()) return null;
    return {
      kind: "STATUS",
      visibility: "EVERYONE",
      body: `${job.technician?.name ?? "Your technician"} now expects to arrive around ${when}.`,
      change: { eta },
      notify: true,
    };
  });
}
