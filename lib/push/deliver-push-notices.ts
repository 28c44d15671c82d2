// One pass of the push worker: claim due notices (FOR UPDATE SKIP LOCKED, so
// several workers and nodes never take the same one), say each, send it to
// every browser the person subscribed, record how it went. A 404/410
// forgets that browser; other failures come back later with a growing delay
// when no browser took the notice.
import type { Db } from "../db.ts";
import { retryDelayMs } from "../notifications/retry-delay.ts";
import { claimDueRows } from "../outbox/claim-due-rows.ts";
import { type ClaimedPush, composePush } from "./compose-push.ts";
import { type EndpointRule, isAllowedEndpoint } from "./push-endpoints.ts";
import type { VapidKeys } from "./push-settings.ts";
import { sendPush } from "./send-push.ts";

export type PushDeliveryOptions = {
  vapid: VapidKeys;
  endpoints: EndpointRule;
  maxAttempts: number;
  retryBaseMs: number;
  holdMs?: number;
  batchSize?: number;
  now?: () => Date;
  random?: () => number;
};

export type PushTally = { sent: number; skipped: number; retrying: number; failed: number };

const HOLD_MS = 120_000;

const CLAIMED = [
  "id",
  "userId",
  "jobId",
  "kind",
  "seq",
  "attempts",
  "createdAt",
] as const satisfies readonly (keyof ClaimedPush)[];

/** Each finish applies only while this try still holds the row (see lib/notifications/finish-delivery.ts). */
async function finish(db: Db, notice: ClaimedPush, data: Parameters<Db["pushNotice"]["updateMany"]>[0]["data"]) {
  await db.pushNotice.updateMany({
    where: { id: notice.id, state: "SENDING", attempts: notice.attempts },
    data: { ...data, lockedUntil: null },
  });
}

export async function deliverPushNotices(db: Db, options: PushDeliveryOptions): Promise<PushTally> {
  const now = options.now ?? (() => new Date());
  const tally: PushTally = { sent: 0, skipped: 0, retrying: 0, failed: 0 };
  const claimed = await claimDueRows<ClaimedPush>(db, "PushNotice", CLAIMED, {
    limit: options.batchSize ?? 20,
    holdMs: options.holdMs ?? HOLD_MS,
    now: now(),
  });
  for (const notice of claimed) tally[await deliverOne(db, notice, options, now)] += 1;
  return tally;
}

async function deliverOne(
  db: Db,
  notice: ClaimedPush,
  options: PushDeliveryOptions,
  now: () => Date,
): Promise<keyof PushTally> {
  const composed = await composePush(db, notice, now());
  if (composed.outcome === "skip") {
    await finish(db, notice, { state: "SKIPPED", lastError: composed.reason });
    return "skipped";
  }
  const subscriptions = await db.pushSubscription.findMany({
    where: { userId: notice.userId },
    select: {
      id: true,
      endpoint: true,
      p256dh: true,
      auth: true,
      session: { select: { revokedAt: true, expiresAt: true } },
    },
  });
  // A browser whose sign-in ended (signed out, reset, expired) is told nothing more: a shared phone may have a new owner.
  const ended = subscriptions.filter(({ session }) => session.revokedAt !== null || session.expiresAt <= now());
  if (ended.length > 0) await db.pushSubscription.deleteMany({ where: { id: { in: ended.map((row) => row.id) } } });
  let delivered = 0;
  let reason: string | null = null;
  for (const target of subscriptions.filter((row) => !ended.includes(row))) {
    // Checked again at send time: the allowed hosts may have been narrowed since it was saved.
    if (!isAllowedEndpoint(target.endpoint, options.endpoints)) {
      await db.pushSubscription.deleteMany({ where: { id: target.id } });
      continue;
    }
    const result = await sendPush(target, composed.payload, options.vapid, { topic: notice.jobId.replaceAll("-", "") });
    if (result.outcome === "sent") {
      delivered += 1;
      await db.pushSubscription.updateMany({
        where: { id: target.id },
        data: { lastSuccessAt: now(), failures: 0 },
      });
    } else if (result.outcome === "gone") {
      await db.pushSubscription.deleteMany({ where: { id: target.id } });
    } else {
      reason = result.reason;
      await db.pushSubscription.updateMany({ where: { id: target.id }, data: { failures: { increment: 1 } } });
    }
  }
  if (delivered > 0 || reason === null) {
    await finish(
      db,
      notice,
      delivered > 0
        ? { state: "SENT", sentAt: now(), lastError: null }
        : {
            state: "SKIPPED",
            lastError: "no browser to send to",
          },
    );
    return delivered > 0 ? "sent" : "skipped";
  }
  const lastTry = notice.attempts >= options.maxAttempts;
  await finish(
    db,
    notice,
    lastTry
      ? { state: "FAILED", lastError: reason }
      : {
          state: "PENDING",
          lastError: reason,
          nextAttemptAt: new Date(now().getTime() + retryDelayMs(notice.attempts, options.retryBaseMs, options.random)),
        },
  );
  return lastTry ? "failed" : "retrying";
}
