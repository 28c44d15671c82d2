import type { Actor } from "../auth/actor.ts";
import { canChangeStatus } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { MessageView } from "../messages/message-view.ts";
import { changeJob } from "./change-job.ts";
import type { JobRow } from "./job-view.ts";
import type { TransitionInput } from "./schemas.ts";
import { canTransition, describeTransition, STATUS_LABEL } from "./status-machine.ts";

export type TransitionResult = { job: JobRow; message: MessageView };

/** The one way to change a job's status: the change and its STATUS entry commit together. */
export async function transitionJob(db: Db, actor: Actor, input: TransitionInput): Promise<TransitionResult> {
  const { job, message } = await changeJob(db, actor, input.jobId, (job) => {
    if (!canChangeStatus(actor, job, input.to)) {
      throw new AppError(
        "forbidden",
        actor.kind === "homeowner"
          ? "Only the company can change the job's status."
          : "Only a dispatcher can cancel a job.",
      );
    }
    if (!canTransition(job.status, input.to)) {
      throw new AppError(
        "conflict",
        `A job that is ${STATUS_LABEL[job.status].toLowerCase()} can't be moved to ${STATUS_LABEL[input.to].toLowerCase()}.`,
      );
    }
    // An ETA belongs to the trip: set on the way (if given), cleared by every other step.
    const eta = input.eta ? new Date(input.eta) : input.to === "EN_ROUTE" ? undefined : null;
    return {
      kind: "STATUS",
      visibility: "EVERYONE",
      body: describeTransition(input.to, actor.name, job.technician?.name ?? null),
      change: { status: input.to, ...(eta !== undefined ? { eta } : {}) },
    };
  });
  if (!message) throw new Error("a status change wrote no entry");
  return { job, message };
}
