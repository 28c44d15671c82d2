import type { Db } from "../db.ts";

/** Jobs quiet for longer than this are not looked at again: nobody is told of week-old messages. */
const LOOK_BACK_DAYS = 7;
const BATCH = 100;

/**
 * Homeowners who chose text or email and have staff messages they haven't
 * read, in a thread quiet for `delaySeconds`: one MESSAGES notification each,
 * up to the thread's newest entry, and their `notifiedSeq` moves there so
 * the same messages are never told twice. Read marks decide who is away (a
 * homeowner on the page reads as messages arrive); no row is written per
 * message. SKIP LOCKED keeps two nodes from queueing the same person.
 */
export async function queueMessageBatches(db: Db, { delaySeconds, now }: { delaySeconds: number; now: Date }) {
  const quietSince = new Date(now.getTime() - delaySeconds * 1000);
  const lookBack = new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000);
  const queued = await db.$queryRaw<{ id: string }[]>`
    WITH due AS (
      SELECT p."id" AS participant_id, p."jobId" AS job_id, j."companyId" AS company_id, j."lastPublicSeq" AS seq,
        p."channel" AS channel, CASE p."channel" WHEN 'SMS' THEN c."phone" ELSE c."email" END AS address
      FROM "Participant" p
      JOIN "Job" j ON j."id" = p."jobId"
      JOIN "Customer" c ON c."id" = p."customerId"
      WHERE p."role" = 'HOMEOWNER' AND p."channel" <> 'WEB'
        AND j."lastPublicSeq" > GREATEST(p."lastReadSeq", p."notifiedSeq")
        AND j."publicUpdatedAt" <= ${quietSince} AND j."publicUpdatedAt" > ${lookBack}
        AND CASE p."channel" WHEN 'SMS' THEN c."phone" ELSE c."email" END IS NOT NULL
        -- One waiting batch per person (held through quiet hours, say): it carries the newer messages too.
        AND NOT EXISTS (
          SELECT 1 FROM "Notification" n
          WHERE n."participantId" = p."id" AND n."kind" = 'MESSAGES' AND n."state" IN ('PENDING', 'SENDING')
        )
        AND EXISTS (
          SELECT 1 FROM "Message" m JOIN "Participant" a ON a."id" = m."authorId"
          WHERE m."jobId" = j."id" AND m."seq" > GREATEST(p."lastReadSeq", p."notifiedSeq")
            AND m."visibility" = 'EVERYONE' AND m."kind" IN ('TEXT', 'PHOTO') AND a."role" <> 'HOMEOWNER'
        )
      LIMIT ${BATCH}
      FOR UPDATE OF p SKIP LOCKED
    ), marked AS (
      UPDATE "Participant" p SET "notifiedSeq" = due.seq FROM due WHERE p."id" = due.participant_id
    )
    INSERT INTO "Notification" ("id", "companyId", "jobId", "participantId", "kind", "channel", "to", "seq",
      "nextAttemptAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), due.company_id, due.job_id, due.participant_id, 'MESSAGES', due.channel, due.address,
      due.seq, ${now}, ${now}, ${now}
    FROM due
    RETURNING "id"`;
  return queued.length;
}
