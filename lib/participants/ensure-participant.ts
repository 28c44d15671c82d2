import type { Actor } from "../auth/actor.ts";
import type { Db } from "../db.ts";

export const participantSelect = { id: true, role: true, name: true, lastReadSeq: true } as const;

/** The actor's place in a job's thread, made the first time they take part. */
export async function ensureParticipant(db: Db, actor: Actor, jobId: string) {
  if (actor.kind === "homeowner") {
    return db.participant.upsert({
      where: { jobId_customerId: { jobId, customerId: actor.customerId } },
      create: { jobId, customerId: actor.customerId, role: "HOMEOWNER", name: actor.name },
      update: {},
      select: participantSelect,
    });
  }
  const role = actor.role === "TECHNICIAN" ? "TECHNICIAN" : "DISPATCHER";
  return db.participant.upsert({
    where: { jobId_userId: { jobId, userId: actor.userId } },
    create: { jobId, userId: actor.userId, role, name: actor.name },
    update: { role, name: actor.name },
    select: participantSelect,
  });
}
