import type { Actor } from "../auth/actor.ts";
import { canSchedule } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { formatWindow } from "../format/dates.ts";
import { changeJob } from "../jobs/change-job.ts";
import type { TransitionResult } from "../jobs/transition-job.ts";
import { companyTimeZone } from "./company-time-zone.ts";
import type { ScheduleInput } from "./schemas.ts";

/**
 * Sets or moves a visit's arrival window. A requested job becomes scheduled;
 * a scheduled one keeps its status. Either way one entry everyone reads says
 * when ("Your visit is now Thu, Nov 26, 11 am–1 pm."), written with the change.
 * The same window again changes nothing.
 */
export async function scheduleVisit(db: Db, actor: Actor, input: ScheduleInput): Promise<TransitionResult> {
  const when = formatWindow(input.windowStart, input.windowEnd, await companyTimeZone(db, actor.companyId));
  const start = new Date(input.windowStart);
  const end = new Date(input.windowEnd);
  return changeJob(db, actor, input.jobId, (job) => {
    if (!canSchedule(actor, job)) throw new AppError("forbidden", "Only a dispatcher can schedule a visit.");
    if (job.status !== "REQUESTED" && job.status !== "SCHEDULED") {
      throw new AppError("conflict", "A visit can be scheduled only before the technician is on the way.");
    }
    // The same window again (a retried tap) changes nothing.
    if (
      job.status === "SCHEDULED" &&
      job.windowStart?.getTime() === start.getTime() &&
      job.windowEnd?.getTime() === end.getTime()
    ) {
      return null;
    }
    const first = job.status === "REQUESTED";
    return {
      kind: "STATUS",
      visibility: "EVERYONE",
      body: first ? `Your visit is scheduled for ${when}.` : `Your visit is now ${when}.`,
      change: { status: "SCHEDULED", windowStart: start, windowEnd: end },
      notify: true,
    };
  });
}
