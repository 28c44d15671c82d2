import type { Actor } from "../auth/actor.ts";
import type { Db } from "../db.ts";
import { getVisibleJob } from "../jobs/get-visible-job.ts";
import { ensureParticipant } from "../participants/ensure-participant.ts";

export type ReadReceipt = { jobId: string; role: string; name: string; seq: number };
export type MarkReadResult = { receipt: ReadReceipt; changed: boolean };

/** Moves the actor's read mark forward (never back, never past the thread's end). */
export async function markRead(db: Db, actor: Actor, jobId: string, seq: number): Promise<MarkReadResult> {
  const job = await getVisibleJob(db, actor, jobId);
  const participant = await ensureParticipant(db, actor, job.id);
  const target = Math.min(seq, job.lastSeq);
  const { count } = await db.participant.updateMany({
    where: { id: participant.id, lastReadSeq: { lt: target } },
    data: { lastReadSeq: target },
  });
  const receipt = {
    jobId: job.id,
    role: participant.role,
    name: participant.name,
    seq: Math.max(target, participant.lastReadSeq),
  };
  return { receipt, changed: count > 0 };
}
