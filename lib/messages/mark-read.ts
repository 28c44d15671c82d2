import type { Actor } from "../auth/actor.ts";
import type { Db } from "../db.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { getVisibleJob } from "../jobs/get-visible-job.ts";
import { ensureParticipant } from "../participants/ensure-participant.ts";

export type ReadReceipt = { jobId: string; role: string; name: string; seq: number };
/**
 * `receipt` is for staff. Homeowners get `publicReceipt`: the same mark moved
 * back to the newest message they can see, and only when that moved, so
 * reading an internal note tells them nothing. Null when there is no news.
 */
export type MarkReadResult = { receipt: ReadReceipt; publicReceipt: ReadReceipt | null; changed: boolean };

/** The newest message everyone may see at or before `seq` (0 if none). */
export async function publicSeqAtOrBefore(db: Db, jobId: string, seq: number): Promise<number> {
  if (seq <= 0) return 0;
  const { _max } = await db.message.aggregate({
    where: { jobId, visibility: "EVERYONE", seq: { lte: seq } },
    _max: { seq: true },
  });
  return _max.seq ?? 0;
}

/** Moves the actor's read mark forward (never back, never past the thread's end). */
export async function markRead(db: PrismaClient, actor: Actor, jobId: string, seq: number): Promise<MarkReadResult> {
  return db.$transaction(async (tx) => {
    const job = await getVisibleJob(tx, actor, jobId);
    const participant = await ensureParticipant(tx, actor, job.id);
    const target = Math.min(seq, job.lastSeq);
    const { count } = await tx.participant.updateMany({
      where: { id: participant.id, lastReadSeq: { lt: target } },
      data: { lastReadSeq: target },
    });
    const receipt = { jobId: job.id, role: participant.role, name: participant.name, seq: target };
    if (count === 0)
      return { receipt: { ...receipt, seq: participant.lastReadSeq }, publicReceipt: null, changed: false };
    // News for homeowners only if the mark passed a message they can see.
    const passed = await tx.message.findFirst({
      where: { jobId: job.id, visibility: "EVERYONE", seq: { gt: participant.lastReadSeq, lte: target } },
      orderBy: { seq: "desc" },
      select: { seq: true },
    });
    return { receipt, publicReceipt: passed ? { ...receipt, seq: passed.seq } : null, changed: true };
  });
}
