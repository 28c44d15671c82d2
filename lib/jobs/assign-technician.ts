import type { Actor } from "../auth/actor.ts";
import { canAssign } from "../auth/policy.ts";
import { AppError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { appendEntry } from "../messages/append-entry.ts";
import type { MessageView } from "../messages/message-view.ts";
import { ensureParticipant } from "../participants/ensure-participant.ts";
import { lockVisibleJob } from "./get-visible-job.ts";
import type { JobRow } from "./job-view.ts";
import type { AssignInput } from "./schemas.ts";

export type AssignResult = { job: JobRow; previousTechnicianId: string | null; message: MessageView | null };

/** Gives a job to a technician of the same company (or to no one). */
export async function assignTechnician(db: PrismaClient, actor: Actor, input: AssignInput): Promise<AssignResult> {
  return db.$transaction(async (tx) => {
    const job = await lockVisibleJob(tx, actor, input.jobId);
    if (!canAssign(actor, job)) throw new AppError("forbidden", "Only a dispatcher can assign technicians.");
    if (job.technicianId === input.technicianId) return { job, previousTechnicianId: job.technicianId, message: null };
    let name: string | null = null;
    if (input.technicianId) {
      const member = await tx.membership.findFirst({
        where: { userId: input.technicianId, companyId: job.companyId, role: "TECHNICIAN" },
        select: { user: { select: { name: true } } },
      });
      if (!member) throw new AppError("bad_request", "That person is not a technician of this company.");
      name = member.user.name;
    }
    const author = await ensureParticipant(tx, actor, job.id);
    await tx.job.update({ where: { id: job.id }, data: { technicianId: input.technicianId } });
    const { message, job: updated } = await appendEntry(tx, job, {
      authorId: author.id,
      kind: "SYSTEM",
      visibility: "EVERYONE",
      body: name ? `${name} will be your technician.` : "The job is waiting for a technician.",
    });
    return { job: updated, previousTechnicianId: job.technicianId, message };
  });
}
