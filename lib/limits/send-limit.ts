import type { Actor } from "../auth/actor.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { limits } from "./limits.ts";
import { retryAfterSeconds } from "./rules.ts";

/** A homeowner in one job's thread: their page, their texts and their emails share it. */
export const homeownerSenderKey = (customerId: string, jobId: string) => `customer:${customerId}:${jobId}`;

/** One person in one job's thread, whichever door or socket they post through. */
export function senderKey(actor: Actor, jobId: string): string {
  return actor.kind === "staff" ? `user:${actor.userId}:${jobId}` : homeownerSenderKey(actor.customerId, jobId);
}

export async function isStored(db: Db, jobId: string, clientId: string): Promise<boolean> {
  const found = await db.message.findUnique({ where: { jobId_clientId: { jobId, clientId } }, select: { id: true } });
  return found !== null;
}

/**
 * Runs `send` (the one way to post) if the sender is within their limit, or
 * refuses with `rate_limited` and the seconds to wait, before anything is
 * stored. A resend of a message already stored (its ack was lost) is never
 * refused and costs nothing: it only tells the sender their message arrived.
 */
export async function withinSendLimit<R extends { created: boolean }>(
  db: Db,
  actor: Actor,
  input: { jobId: string; clientId: string },
  send: () => Promise<R>,
): Promise<R> {
  const verdict = await limits().sends.take(senderKey(actor, input.jobId));
  if (!verdict.ok) {
    if (await isStored(db, input.jobId, input.clientId)) return send();
    const seconds = retryAfterSeconds(verdict.retryAfterMs);
    throw new AppError("rate_limited", `You're sending messages quickly — try again in ${seconds} s.`, {
      retryAfter: seconds,
    });
  }
  const result = await send();
  if (!result.created) await verdict.giveBack();
  return result;
}

/**
 * The same budget for a thread entry that has no clientId (a rating, changed
 * again and again): refused with `rate_limited` before anything is written;
 * a call that wrote nothing (`wrote` false) costs nothing.
 */
export async function withinEntryLimit<R>(
  actor: Actor,
  jobId: string,
  write: () => Promise<R>,
  wrote: (result: R) => boolean,
): Promise<R> {
  const verdict = await limits().sends.take(senderKey(actor, jobId));
  if (!verdict.ok) {
    const seconds = retryAfterSeconds(verdict.retryAfterMs);
    throw new AppError("rate_limited", `That's a lot of changes at once — try again in ${seconds} s.`, {
      retryAfter: seconds,
    });
  }
  const result = await write();
  if (!wrote(result)) await verdict.giveBack();
  return result;
}
