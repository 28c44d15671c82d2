import type { Actor } from "../auth/actor.ts";
import { canChangeStatus } from "../auth/policy.ts";
import { AppError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { appendEntry } from "../messages/append-entry.ts";
import type { MessageView } from "../messages/message-view.ts";
import { ensureParticipant } from "../participants/ensure-participant.ts";
import { lockVisibleJob } from "./get-visible-job.ts";
import type { JobRow } from "./job-view.ts";
import type { TransitionInput } from "./schemas.ts";
import { canTransition, describeTransition, STATUS_LABEL } from "./status-machine.ts";

export type TransitionResult = { job: JobRow; message: MessageView };

/** The one way to change a job's status: the change and its STATUS entry commit together. */
export async function transitionJob(db: PrismaClient, actor: Actor, input: TransitionInput): Promise<TransitionResult> {
  return db.$transaction(async (tx) => {
    const job = await lockVisibleJob(tx, actor, input.jobId);
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
    const author = await ensureParticipant(tx, actor, job.id);
    const eta = input.eta ? new Date(input.eta) : input.to === "EN_ROUTE" ? undefined : null;
    await tx.job.update({ where: { id: job.id }, data: { status: input.to, ...(eta !== undefined ? { eta } : {}) } });
    return appendEntry(tx, job, {
      authorId: author.id,
      kind: "STATUS",
      visibility: "EVERYONE",
      body: describeTransition(input.to, author.name, job.technician?.name ?? null),
    });
  });
}
