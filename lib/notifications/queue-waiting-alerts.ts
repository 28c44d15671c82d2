import type { PrismaClient } from "../generated/prisma/client.ts";
import { WAIT_AUDIENCE } from "./wait-audience.ts";

/** Waits older than this are not alerted on any more: whoever needed telling has seen the board since. */
const LOOK_BACK_HOURS = 48;
/** Any number will do, as long as nothing else takes this advisory lock. */
const LOCK_KEY = 718_201;

/**
 * Staff hear of a homeowner left waiting: once a homeowner's message has gone
 * unanswered past the company's first-reply target, one email to each
 * dispatcher and admin of the company and to the job's technician, once per
 * wait (a new wait starts when staff answer and the homeowner writes again).
 * The wait is told by its start (awaitingReplySince, whatever began it: a
 * message, a low rating): an alert is stamped no earlier than that, so a
 * clock that differs between this node and the database can't repeat it.
 * One node at a time runs it (an advisory lock), so two never both alert.
 */
export async function queueWaitingAlerts(db: PrismaClient, now: Date): Promise<number> {
  const lookBack = new Date(now.getTime() - LOOK_BACK_HOURS * 3_600_000);
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ got: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS got`;
    if (!lock?.got) return 0;
    const queued = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Notification" ("id", "companyId", "jobId", "userId", "kind", "channel", "to", "seq",
        "nextAttemptAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), j."companyId", j."id", u."id", 'WAITING', 'EMAIL', u."email", j."lastPublicSeq",
        ${now}, GREATEST(${now}::timestamp, j."awaitingReplySince"), ${now}
      FROM "Job" j
      JOIN "Company" c ON c."id" = j."companyId"
      ${WAIT_AUDIENCE}
      WHERE j."awaitingReplySince" IS NOT NULL
        AND j."awaitingReplySince" > ${lookBack}
        AND j."awaitingReplySince" <= ${now}::timestamp - make_interval(mins => c."firstReplyMinutes")
        -- Not yet alerted in this wait: an alert is stamped no earlier than the wait it tells of.
        AND NOT EXISTS (
          SELECT 1 FROM "Notification" n
          WHERE n."jobId" = j."id" AND n."kind" = 'WAITING' AND n."createdAt" >= j."awaitingReplySince"
        )
      RETURNING "id"`;
    return queued.length;
  });
}
