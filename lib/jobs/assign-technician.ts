import type { Actor } from "../auth/actor.ts";
import { canAssign } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { MessageView } from "../messages/message-view.ts";
import { changeJob } from "./change-job.ts";
import type { JobRow } from "./job-view.ts";
import type { AssignInput } from "./schemas.ts";

export type AssignResult = { job: JobRow; previousTechnicianId: string | null; message: MessageView | null };

async function technicianName(db: Db, actor: Actor, userId: string): Promise<string> {
  const member = await db.membership.findFirst({
    where: { userId, companyId: actor.companyId, role: "TECHNICIAN" },
    select: { user: { select: { name: true } } },
  });
  if (!member) throw new AppError("bad_request", "That person is not a technician of this company.");
  return member.user.name;
}

/** Gives a job to a technician of the same company (or to no one). */
export async function assignTechnician(db: Db, actor: Actor, input: AssignInput): Promise<AssignResult> {
  let previousTechnicianId: string | null = null;
  let name: string | null = null;
  const { job, message } = await changeJob(db, actor, input.jobId, async (job) => {
    if (!canAssign(actor, job)) throw new AppError("forbidden", "Only a dispatcher can assign technicians.");
    previousTechnicianId = job.technicianId;
    if (job.technicianId === input.technicianId) return null;
    if (input.technicianId) name ??= await technicianName(db, actor, input.technicianId);
    // Staff see each change at once; the homeowner hears who is coming once
    // the choice has settled (lib/jobs/announce-technicians.ts).
    return {
      kind: "SYSTEM",
      visibility: "STAFF",
      body: name ? `${actor.name} assigned ${name}.` : `${actor.name} took the technician off the job.`,
      change: { technicianId: input.technicianId },
    };
  });
  return { job, previousTechnicianId, message };
}
