import type { Actor } from "../auth/actor.ts";
import { visibleTo } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { getVisibleJob } from "../jobs/get-visible-job.ts";
import { type JobRow, type JobSummary, jobSummaryFor } from "../jobs/job-view.ts";
import { publicSeqAtOrBefore } from "./mark-read.ts";
import { type MessageView, messageSelect, toMessageView } from "./message-view.ts";
import { MESSAGE_PAGE_SIZE } from "./schemas.ts";

export type Reader = { role: string; name: string; lastReadSeq: number };
export type ThreadPage = { job: JobSummary; messages: MessageView[]; readers: Reader[]; hasMore: boolean };

/**
 * What the actor may see of a thread after `afterSeq`: the catch-up every
 * (re)connect asks for. Oldest first; `hasMore` when a page did not hold it all.
 */
export async function listMessages(db: Db, actor: Actor, jobId: string, afterSeq: number): Promise<ThreadPage> {
  return readThread(db, actor, await getVisibleJob(db, actor, jobId), afterSeq);
}

/** The same, for a job the caller has already checked the actor may see. */
export async function readThread(db: Db, actor: Actor, job: JobRow, afterSeq: number): Promise<ThreadPage> {
  const [rows, participants] = await Promise.all([
    db.message.findMany({
      where: { jobId: job.id, seq: { gt: afterSeq }, visibility: { in: visibleTo(actor) } },
      orderBy: { seq: "asc" },
      take: MESSAGE_PAGE_SIZE + 1,
      select: messageSelect,
    }),
    db.participant.findMany({ where: { jobId: job.id }, select: { role: true, name: true, lastReadSeq: true } }),
  ]);
  return {
    job: jobSummaryFor(actor, job),
    messages: rows.slice(0, MESSAGE_PAGE_SIZE).map(toMessageView),
    readers: actor.kind === "staff" ? participants : await publicReadMarks(db, job, participants),
    hasMore: rows.length > MESSAGE_PAGE_SIZE,
  };
}

/**
 * Homeowners see read marks only on messages they can see (see markRead).
 * A reader at or past the newest public entry needs no lookup.
 */
function publicReadMarks(db: Db, job: JobRow, readers: Reader[]): Promise<Reader[]> {
  return Promise.all(
    readers.map(async (reader) => ({
      ...reader,
      lastReadSeq:
        reader.lastReadSeq >= job.lastPublicSeq
          ? job.lastPublicSeq
          : await publicSeqAtOrBefore(db, job.id, reader.lastReadSeq),
    })),
  );
}
