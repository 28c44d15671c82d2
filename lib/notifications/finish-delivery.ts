import type { Db } from "../db.ts";
import type { ClaimedNotification } from "./claim-due.ts";

// Each finish applies only while this try still holds the row (same state and
// attempt count): a worker whose hold ran out and was overtaken can't undo
// what the next try recorded.
const heldBy = (claimed: ClaimedNotification) => ({
  id: claimed.id,
  state: "SENDING" as const,
  attempts: claimed.attempts,
});

/**
 * Extends this try's hold just before it sends, so a slow provider earlier in
 * the pass can't let the hold run out under it; false: another worker took the
 * row meanwhile (this one must not send it).
 */
export async function renewHold(db: Db, claimed: ClaimedNotification, holdMs: number, now = new Date()) {
  const { count } = await db.notification.updateMany({
    where: heldBy(claimed),
    data: { lockedUntil: new Date(now.getTime() + holdMs) },
  });
  return count === 1;
}

export async function markSent(db: Db, claimed: ClaimedNotification, providerId: string, now = new Date()) {
  await db.notification.updateMany({
    where: heldBy(claimed),
    data: { state: "SENT", providerId, sentAt: now, lastError: null, lockedUntil: null },
  });
}

/** Tried and failed: again at `retryAt`, or for good (no `retryAt`). */
export async function markFailed(db: Db, claimed: ClaimedNotification, reason: string, retryAt: Date | null) {
  await db.notification.updateMany({
    where: heldBy(claimed),
    data: retryAt
      ? { state: "PENDING", nextAttemptAt: retryAt, lastError: reason, lockedUntil: null }
      : { state: "FAILED", lastError: reason, lockedUntil: null },
  });
}

/** Not sent on purpose (opted out, read on the page meanwhile). */
export async function markSkipped(db: Db, claimed: ClaimedNotification, reason: string) {
  await db.notification.updateMany({
    where: heldBy(claimed),
    data: { state: "SKIPPED", lastError: reason, lockedUntil: null },
  });
}

/** Not now (quiet hours): back in the queue for `at`, and this try doesn't count. */
export async function markDeferred(db: Db, claimed: ClaimedNotification, at: Date) {
  await db.notification.updateMany({
    where: heldBy(claimed),
    data: { state: "PENDING", nextAttemptAt: at, attempts: claimed.attempts - 1, lockedUntil: null },
  });
}
