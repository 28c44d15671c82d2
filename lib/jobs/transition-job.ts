import type { Actor } from "../auth/actor.ts";
import { canChangeStatus, canSchedule, canStepBack } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { formatArrival } from "../format/dates.ts";
import type { Entry } from "../messages/append-entry.ts";
import type { MessageView } from "../messages/message-view.ts";
import { companyTimeZone } from "../scheduling/company-time-zone.ts";
import { changeJob } from "./change-job.ts";
import { getVisibleJob } from "./get-visible-job.ts";
import type { JobRow } from "./job-view.ts";
import type { TransitionInput } from "./schemas.ts";
import { canTransition, describeStepBack, describeTransition, previousStatus, STATUS_LABEL } from "./status-machine.ts";

/** A job change and its thread entry; no entry when the job already stood so (a retried tap). */
export type TransitionResult = { job: JobRow; message: MessageView | null };

/**
 * The one way to change a job's status: the change and its STATUS entry
 * commit together. A move forward (or a cancel) follows the status machine; a
 * move to the status before (previousStatus) is a dispatcher's step back, and
 * says why. Asking for the status the job already has changes nothing and
 * succeeds, so a tap retried after a lost answer is harmless.
 */
export async function transitionJob(db: Db, actor: Actor, input: TransitionInput): Promise<TransitionResult> {
  if (actor.kind === "homeowner") throw new AppError("forbidden", "Only the company can change the job's status.");
  const timeZone = input.eta && input.to === "EN_ROUTE" ? await companyTimeZone(db, actor.companyId) : null;
  // A tap sent again after its answer was lost: it was taken, whatever happened since.
  if (input.clientId && (await tapTaken(db, input.jobId, input.clientId))) {
    return { job: await getVisibleJob(db, actor, input.jobId), message: null };
  }
  return changeJob(db, actor, input.jobId, (job) => {
    if (job.status === input.to) return null;
    const entry = canTransition(job.status, input.to)
      ? stepForward(actor, job, input, timeZone)
      : previousStatus(job) === input.to
        ? stepBack(actor, job, input)
        : null;
    if (entry) return input.clientId ? { ...entry, clientId: input.clientId } : entry;
    throw new AppError(
      "conflict",
      `A job that is ${STATUS_LABEL[job.status].toLowerCase()} can't be moved to ${STATUS_LABEL[input.to].toLowerCase()}.`,
    );
  });
}

async function tapTaken(db: Db, jobId: string, clientId: string): Promise<boolean> {
  const found = await db.message.findUnique({ where: { jobId_clientId: { jobId, clientId } }, select: { id: true } });
  return found !== null;
}

type StatusEntry = Omit<Entry, "expect">;

function stepForward(actor: Actor, job: JobRow, input: TransitionInput, timeZone: string | null): StatusEntry {
  if (!canChangeStatus(actor, job, input.to)) throw new AppError("forbidden", "Only a dispatcher can cancel a job.");
  if (input.to === "SCHEDULED") {
    // A visit is scheduled for a time: the office picks it (scheduleVisit), or it was picked before.
    if (!canSchedule(actor, job)) throw new AppError("forbidden", "Only a dispatcher can schedule a visit.");
    if (!job.windowEnd || job.windowEnd.getTime() <= Date.now()) {
      throw new AppError("conflict", "Pick the visit's window first: the homeowner needs to know when.");
    }
  }
  // An ETA belongs to the trip: set on the way (if given), cleared by every other step.
  const eta = input.to !== "EN_ROUTE" ? null : input.eta ? new Date(input.eta) : undefined;
  return {
    kind: "STATUS",
    visibility: "EVERYONE",
    body: describeTransition(input.to, actor.name, job.technician?.name ?? null, {
      summary: input.to === "COMPLETED" ? input.summary : undefined,
      etaClock: eta && timeZone ? formatArrival(eta.toISOString(), timeZone) : undefined,
    }),
    change: { status: input.to, ...(eta !== undefined ? { eta } : {}) },
    notify: true,
  };
}

function stepBack(actor: Actor, job: JobRow, input: TransitionInput): StatusEntry {
  if (!canStepBack(actor, job)) throw new AppError("forbidden", "Only a dispatcher can take a status step back.");
  if (!input.reason) throw new AppError("bad_request", "Say why the step is taken back: everyone will read it.");
  return {
    kind: "STATUS",
    visibility: "EVERYONE",
    body: describeStepBack(input.to, input.reason),
    change: {
      status: input.to,
      // The trip's ETA is gone with the trip; a new "On my way" brings a new one.
      eta: null,
      // Back to "requested": no visit time is promised any more.
      ...(input.to === "REQUESTED" ? { windowStart: null, windowEnd: null } : {}),
      // A correction is not news about lateness: what Trio said stands (a request has no time to be late for).
      runningLate: input.to !== "REQUESTED" && job.runningLateSince !== null,
    },
    // A homeowner told of the mistaken step hears of its correction.
    notify: true,
  };
}
