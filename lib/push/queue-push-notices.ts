import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { WAIT_AUDIENCE } from "../notifications/wait-audience.ts";

/** Homeowner messages older than this are not pushed any more: the technician has looked since. */
const MESSAGE_LOOK_BACK_MS = 24 * 3_600_000;
/** An assignment older than this is not news (a technician who subscribes later hears of new ones only). */
const ASSIGNMENT_LOOK_BACK_MS = 15 * 60_000;
/**
 * A wait is pushed only within this long of passing the first-reply target: a
 * phone that turns notifications on later (a new dispatcher, a technician
 * given the job) isn't handed a burst of old waits the board shows anyway.
 */
const WAIT_LOOK_BACK_MS = 3_600_000;
const BATCH = 100;
/** Any number will do, as long as nothing else takes this advisory lock. */
const LOCK_KEY = 718_202;

/**
 * Decides who is pushed, from committed state, like the homeowners' message
 * batches (lib/notifications/queue-message-batches.ts): no row is written per
 * message and nothing is added to the hot path.
 *
 * - MESSAGES: a job's technician with a subscription, whose homeowner wrote
 *   something the technician hasn't read (their read mark) and hasn't been
 *   pushed about (the newest MESSAGES notice's seq), once the homeowner has
 *   been quiet for `delaySeconds`: a burst of messages is one push.
 * - ASSIGNED: a job given to a technician with a subscription (the job's
 *   technicianChangedAt), once per change: a notice is stamped no earlier
 *   than the change it tells of, so a clock that differs between this node
 *   and the database can't repeat it.
 * - WAITING: a homeowner left waiting past the company's first-reply target,
 *   to the job's technician and the company's dispatchers and admins with a
 *   subscription, once per wait, as the emailed alert
 *   (lib/notifications/queue-waiting-alerts.ts) and stamped the same way.
 *
 * One node at a time runs it (an advisory lock), so two never queue the same push.
 */
export async function queuePushNotices(
  db: PrismaClient,
  { delaySeconds, now }: { delaySeconds: number; now: Date },
): Promise<{ messages: number; assigned: number; waiting: number }> {
  const quietSince = new Date(now.getTime() - delaySeconds * 1000);
  const messagesSince = new Date(now.getTime() - MESSAGE_LOOK_BACK_MS);
  const assignedSince = new Date(now.getTime() - ASSIGNMENT_LOOK_BACK_MS);
  const waitsSince = new Date(now.getTime() - WAIT_LOOK_BACK_MS);
  // Only people a push can reach: a subscription whose sign-in is still live.
  const subscribed = (user: Prisma.Sql) => Prisma.sql`EXISTS (
    SELECT 1 FROM "PushSubscription" s JOIN "StaffSession" ss ON ss."id" = s."sessionId"
    WHERE s."userId" = ${user} AND ss."revokedAt" IS NULL AND ss."expiresAt" > ${now}
  )`;
  // Nobody has notifications on (the usual case without HTTPS): the job scans below are not needed.
  if ((await db.pushSubscription.count({ take: 1 })) === 0) return { messages: 0, assigned: 0, waiting: 0 };
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ got: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS got`;
    if (!lock?.got) return { messages: 0, assigned: 0, waiting: 0 };
    const messages = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "PushNotice" ("id", "userId", "jobId", "kind", "seq", "nextAttemptAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), j."technicianId", j."id", 'MESSAGES', newest."seq", ${now}, ${now}, ${now}
      FROM "Job" j
      LEFT JOIN "Participant" p ON p."jobId" = j."id" AND p."userId" = j."technicianId"
      CROSS JOIN LATERAL (
        SELECT m."seq", m."createdAt" FROM "Message" m JOIN "Participant" a ON a."id" = m."authorId"
        WHERE m."jobId" = j."id" AND a."role" = 'HOMEOWNER' AND m."visibility" = 'EVERYONE'
          AND m."kind" IN ('TEXT', 'PHOTO')
        ORDER BY m."seq" DESC LIMIT 1
      ) newest
      WHERE j."technicianId" IS NOT NULL
        AND j."publicUpdatedAt" > ${messagesSince}
        AND ${subscribed(Prisma.raw('j."technicianId"'))}
        AND newest."createdAt" <= ${quietSince}
        AND newest."seq" > COALESCE(p."lastReadSeq", 0)
        AND newest."seq" > COALESCE((
          SELECT max(n."seq") FROM "PushNotice" n
          WHERE n."userId" = j."technicianId" AND n."jobId" = j."id" AND n."kind" = 'MESSAGES'
        ), 0)
      LIMIT ${BATCH}
      RETURNING "id"`;
    const assigned = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "PushNotice" ("id", "userId", "jobId", "kind", "seq", "nextAttemptAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), j."technicianId", j."id", 'ASSIGNED', j."lastSeq", ${now},
        GREATEST(${now}::timestamp, j."technicianChangedAt"), ${now}
      FROM "Job" j
      WHERE j."technicianId" IS NOT NULL
        AND j."technicianChangedAt" > ${assignedSince}
        AND j."status" NOT IN ('COMPLETED', 'CANCELED')
        AND ${subscribed(Prisma.raw('j."technicianId"'))}
        AND NOT EXISTS (
          SELECT 1 FROM "PushNotice" n
          WHERE n."jobId" = j."id" AND n."userId" = j."technicianId" AND n."kind" = 'ASSIGNED'
            AND n."createdAt" >= j."technicianChangedAt"
        )
      LIMIT ${BATCH}
      RETURNING "id"`;
    const waiting = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "PushNotice" ("id", "userId", "jobId", "kind", "seq", "nextAttemptAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), u."id", j."id", 'WAITING', j."lastPublicSeq", ${now},
        GREATEST(${now}::timestamp, j."awaitingReplySince"), ${now}
      FROM "Job" j
      JOIN "Company" c ON c."id" = j."companyId"
      ${WAIT_AUDIENCE}
      WHERE j."awaitingReplySince" IS NOT NULL
        AND j."awaitingReplySince" > ${waitsSince}::timestamp - make_interval(mins => c."firstReplyMinutes")
        AND j."awaitingReplySince" <= ${now}::timestamp - make_interval(mins => c."firstReplyMinutes")
        AND ${subscribed(Prisma.raw('u."id"'))}
        AND NOT EXISTS (
          SELECT 1 FROM "PushNotice" n
          WHERE n."jobId" = j."id" AND n."userId" = u."id" AND n."kind" = 'WAITING'
            AND n."createdAt" >= j."awaitingReplySince"
        )
      LIMIT ${BATCH}
      RETURNING "id"`;
    return { messages: messages.length, assigned: assigned.length, waiting: waiting.length };
  });
}
