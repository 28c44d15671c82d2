import type { Actor } from "../auth/actor.ts";
import { canChangeStatus, canStepBack } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { formatClock } from "../format/dates.ts";
import type { Entry } from "../messages/append-entry.ts";
import type { MessageView } from "../messages/message-view.ts";
import { companyTimeZone } from "../scheduling/company-time-zone.ts";
import { changeJob } from "./change-job.ts";
import type { JobRow } from "./job-view.ts";
import type { TransitionInput } from "./schemas.ts";
import { canTransition, describeStepBack, describeTransition, previousStatus, STATUS_LABEL } from "./status-machine.ts";

export type TransitionResult = { job: JobRow; message: MessageView };

/**
 * The one way to change a job's status: the change and its STATUS entry
 * commit together. A move forward (or a cancel) follows the status machine; a
 * move to the status before (previousStatus) is a dispatcher's step back, and
 * says why.
 */
export async function transitionJob(db: Db, actor: Actor, input: TransitionInput): Promise<TransitionResult> {
  const etaClock = input.eta ? formatClock(input.eta, await companyTimeZone(db, actor.companyId)) : undefined;
  const { job, message } = await changeJob(db, actor, input.jobId, (job) =>
    canTransition(job.status, input.to) ? stepForward(actor, job, input, etaClock) : stepBack(actor, job, input),
  );
  if (!message) throw new Error("a status change wrote no entry");
  return { job, message };
}

type StatusEntry = Omit<Entry, "expect">;

function stepForward(actor: Actor, job: JobRow, input: TransitionInput, etaClock?: string): StatusEntry {
  if (!canChangeStatus(actor, job, input.to)) {
    throw new AppError(
      "forbidden",
      actor.kind === "homeowner"
        ? "Only the company can change the job's status."
        : "Only a dispatcher can cancel a job.",
    );
  }
  // An ETA belongs to the trip: set on the way (if given), cleared by every other step.
  const eta = input.eta ? new Date(input.eta) : input.to === "EN_ROUTE" ? undefined : null;
  const summary = input.to === "COMPLETED" ? input.summary : undefined;
  return {
    kind: "STATUS",
    visibility: "EVERYONE",
    body: describeTransition(input.to, actor.name, job.technician?.name ?? null, {
      summary,
      etaClock: input.to === "EN_ROUTE" ? etaClock : undefined,
    }),
    change: { status: input.to, ...(eta !== undefined ? { eta } : {}) },
  };
}

function stepBack(actor: Actor, job: JobRow, input: TransitionInput): StatusEntry {
  if (previousStatus(job) !== input.to) {
    throw new AppError(
      "conflict",
      `A job that is ${STATUS_LABEL[job.status].toLowerCase()} can't be moved to ${STATUS_LABEL[input.to].toLowerCase()}.`,
    );
  }
  if (!canStepBack(actor, job)) {
    throw new AppError(
      "forbidden",
      actor.kind === "homeowner"
        ? "Only the company can change the job's status."
        : "Only a dispatcher can take a status step back.",
    );
  }
  if (!input.reason) throw new AppError("bad_request", "Say why the step is taken back: everyone will read it.");
  return {
    kind: "STATUS",
    visibility: "EVERYONE",
    body: describeStepBack(input.to, input.reason),
    // The trip's ETA is gone with the trip; a new "On my way" brings a new one.
    change: { status: input.to, eta: null },
  };
}
