import type { Actor } from "../auth/actor.ts";
import { canPost } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError, isPrismaError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { lockVisibleJob } from "../jobs/get-visible-job.ts";
import type { JobRow } from "../jobs/job-view.ts";
import { ensureParticipant } from "../participants/ensure-participant.ts";
import { appendEntry } from "./append-entry.ts";
import { type MessageView, messageSelect, toMessageView } from "./message-view.ts";
import type { SendMessageInput } from "./schemas.ts";

export type SendMessageResult = { message: MessageView; job: JobRow; created: boolean };

async function findByClientId(db: Db, actor: Actor, jobId: string, clientId: string) {
  const found = await db.message.findUnique({
    where: { jobId_clientId: { jobId, clientId } },
    select: { ...messageSelect, author: { select: { role: true, name: true, userId: true, customerId: true } } },
  });
  if (!found) return null;
  const mine =
    actor.kind === "staff" ? found.author?.userId === actor.userId : found.author?.customerId === actor.customerId;
  if (!mine) throw new AppError("conflict", "That message id is already taken. Send again.");
  return toMessageView(found);
}

/**
 * The one way to post in a thread. In one transaction: lock the job, take the
 * next seq (gapless: a rollback gives it back), insert. A repeated clientId
 * returns the stored message and `created: false`, so callers broadcast nothing.
 */
export async function sendMessage(db: PrismaClient, actor: Actor, input: SendMessageInput): Promise<SendMessageResult> {
  try {
    return await db.$transaction(async (tx) => {
      const job = await lockVisibleJob(tx, actor, input.jobId);
      if (!canPost(actor, job, input.visibility)) {
        throw new AppError("forbidden", "Only the company's staff can write internal notes.");
      }
      const existing = await findByClientId(tx, actor, job.id, input.clientId);
      if (existing) return { message: existing, job, created: false };
      const author = await ensureParticipant(tx, actor, job.id);
      const { message, job: updated } = await appendEntry(tx, job, {
        authorId: author.id,
        kind: "TEXT",
        visibility: input.visibility,
        body: input.body,
        clientId: input.clientId,
      });
      // Writing a message means having read everything before it.
      await tx.participant.update({ where: { id: author.id }, data: { lastReadSeq: message.seq } });
      return { message, job: updated, created: true };
    });
  } catch (error) {
    // Two sends with one clientId raced: the loser finds the winner's row.
    if (isPrismaError(error, "P2002")) {
      const existing = await findByClientId(db, actor, input.jobId, input.clientId);
      if (existing) {
        const job = await lockVisibleJob(db, actor, input.jobId);
        return { message: existing, job, created: false };
      }
    }
    throw error;
  }
}
