import { type PhotoView, toPhotoView } from "../attachments/photo-view.ts";
import type { Actor } from "../auth/actor.ts";
import { jobScope } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { jobNotFound } from "../errors.ts";
import type { MessageKind, ParticipantRole, Visibility } from "../generated/prisma/enums.ts";
import { JOB_COLUMNS_SQL, type JobColumns, toJobRow } from "../jobs/job-columns.ts";
import { type JobSummary, jobSummaryFor } from "../jobs/job-view.ts";
import { runStatement } from "../sql.ts";
import type { MessageView } from "./message-view.ts";
import { MESSAGE_PAGE_SIZE } from "./schemas.ts";

export type Reader = { role: string; name: string; lastReadSeq: number };
export type ThreadPage = { job: JobSummary; messages: MessageView[]; readers: Reader[]; hasMore: boolean };

// Every (re)connect of every thread reads this, so it is one statement through
// pg (lib/sql.ts) that also checks access: the job (with the scope of
// policy.jobScope), its messages after $4 the reader may see ($5: staff, who
// see notes too), oldest first, one more than a page, and its readers.
const THREAD_PAGE = `
  SELECT ${JOB_COLUMNS_SQL},
    (SELECT COALESCE(json_agg(x ORDER BY x.seq), '[]'::json) FROM (
      SELECT m."id", m."seq", m."clientId", m."kind", m."visibility", m."body", m."createdAt",
             a."role" AS "authorRole", a."name" AS "authorName",
             CASE WHEN ph."id" IS NULL THEN NULL ELSE json_build_object('id', ph."id", 'width', ph."width",
               'height', ph."height", 'thumbWidth', ph."thumbWidth", 'thumbHeight', ph."thumbHeight") END AS "photo"
      FROM "Message" m LEFT JOIN "Participant" a ON a."id" = m."authorId"
      LEFT JOIN "Attachment" ph ON ph."messageId" = m."id"
      WHERE m."jobId" = j."id" AND m."seq" > $4 AND (m."visibility" = 'EVERYONE' OR $5)
      ORDER BY m."seq" LIMIT $6
    ) x) AS messages,
    (SELECT COALESCE(json_agg(json_build_object('role', p."role", 'name', p."name", 'lastReadSeq',
       -- Homeowners see read marks only on messages they can see (see markRead):
       -- the newest entry everyone may see at or before the mark.
       CASE WHEN $5 THEN p."lastReadSeq" ELSE COALESCE((
         SELECT max(pm."seq") FROM "Message" pm
         WHERE pm."jobId" = j."id" AND pm."visibility" = 'EVERYONE' AND pm."seq" <= p."lastReadSeq"), 0) END
     )), '[]'::json)
     FROM "Participant" p WHERE p."jobId" = j."id") AS readers
  FROM "Job" j
  JOIN "Customer" c ON c."id" = j."customerId"
  LEFT JOIN "User" t ON t."id" = j."technicianId"
  WHERE j."id" = $1 AND j."companyId" = $2 AND ($3::uuid IS NULL OR j."technicianId" = $3::uuid)`;

type MessageJson = {
  id: string;
  seq: number;
  clientId: string;
  kind: MessageKind;
  visibility: Visibility;
  body: string;
  /** json renders a `timestamp` without its zone: the UTC Prisma stores. */
  createdAt: string;
  authorRole: ParticipantRole | null;
  authorName: string | null;
  photo: PhotoView | null;
};
type PageRow = JobColumns & { messages: MessageJson[]; readers: Reader[] };

/**
 * What the actor may see of a thread after `afterSeq`: the catch-up every
 * (re)connect asks for, in one statement that also checks access. Oldest
 * first; `hasMore` when a page did not hold it all.
 */
export async function listMessages(db: Db, actor: Actor, jobId: string, afterSeq: number): Promise<ThreadPage> {
  const scope = jobScope(actor, jobId);
  if (!scope) throw jobNotFound();
  const [row] = await runStatement<PageRow>(db, "thread_page", THREAD_PAGE, [
    jobId,
    scope.companyId,
    scope.technicianId,
    afterSeq,
    actor.kind === "staff",
    MESSAGE_PAGE_SIZE + 1,
  ]);
  if (!row) throw jobNotFound();
  const job = toJobRow(row);
  return {
    job: jobSummaryFor(actor, job),
    messages: row.messages.slice(0, MESSAGE_PAGE_SIZE).map((m) => toMessageView(job.id, m)),
    readers: row.readers,
    hasMore: row.messages.length > MESSAGE_PAGE_SIZE,
  };
}

function toMessageView(jobId: string, m: MessageJson): MessageView {
  return {
    id: m.id,
    jobId,
    seq: m.seq,
    clientId: m.clientId,
    kind: m.kind,
    visibility: m.visibility,
    body: m.body,
    author: m.authorRole && m.authorName ? { role: m.authorRole, name: m.authorName } : null,
    createdAt: new Date(`${m.createdAt}Z`).toISOString(),
    ...(m.photo ? { photo: toPhotoView(m.photo) } : {}),
  };
}
