import type { Db } from "../db.ts";
import type { Channel, NotificationKind } from "../generated/prisma/enums.ts";

export type ClaimedNotification = {
  id: string;
  companyId: string;
  jobId: string;
  participantId: string | null;
  userId: string | null;
  kind: NotificationKind;
  channel: Exclude<Channel, "WEB">;
  to: string;
  seq: number | null;
  attempts: number;
  /** When it was queued: a staff alert tells of the wait that had begun by then. */
  createdAt: Date;
};

/**
 * Takes up to `limit` notifications that are due (waiting, or held by a worker
 * whose hold ran out: it died mid-send) and holds them for `holdMs`. SKIP
 * LOCKED lets several workers and nodes claim at once without waiting on
 * each other or taking the same row; `attempts` counts this try, and the
 * finish is accepted only for the try that holds the row (finish-delivery.ts).
 */
export async function claimDue(
  db: Db,
  { limit, holdMs, now = new Date() }: { limit: number; holdMs: number; now?: Date },
): Promise<ClaimedNotification[]> {
  const until = new Date(now.getTime() + holdMs);
  const claimed = await db.$queryRaw<ClaimedNotification[]>`
    UPDATE "Notification" n
    SET "state" = 'SENDING', "lockedUntil" = ${until}, "attempts" = n."attempts" + 1, "updatedAt" = ${now}
    WHERE n."id" IN (
      SELECT d."id" FROM "Notification" d
      WHERE (d."state" = 'PENDING' AND d."nextAttemptAt" <= ${now})
         OR (d."state" = 'SENDING' AND d."lockedUntil" <= ${now})
      ORDER BY d."nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING n."id", n."companyId", n."jobId", n."participantId", n."userId", n."kind", n."channel", n."to",
      n."seq", n."attempts", n."createdAt"`;
  // RETURNING keeps no order: a homeowner hears "scheduled" before "on the way".
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.seq ?? 0) - (b.seq ?? 0));
}
