import type { Actor } from "../auth/actor.ts";
import { visibleTo } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { getVisibleJob } from "../jobs/get-visible-job.ts";
import { type JobSummary, jobSummaryFor } from "../jobs/job-view.ts";
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
  const job = await getVisibleJob(db, actor, jobId);
  const [rows, participants] = await Promise.all([
    db.message.findMany({
      where: { jobId, seq: { gt: afterSeq }, visibility: { in: visibleTo(actor) } },
      orderBy: { seq: "asc" },
      take: MESSAGE_PAGE_SIZE + 1,
      select: messageSelect,
    }),
    db.participant.findMany({ where: { jobId }, select: { role: true, name: true, lastReadSeq: true } }),
  ]);
  // Homeowners see read marks only on messages they can see (see markRead).
  const readers =
    actor.kind === "staff"
      ? participants
      : await Promise.all(
          participants.map(async (p) => ({ ...p, lastReadSeq: await publicSeqAtOrBefore(db, jobId, p.lastReadSeq) })),
        );
  return {
    job: jobSummaryFor(actor, job),
    messages: rows.slice(0, MESSAGE_PAGE_SIZE).map(toMessageView),
    readers,
    hasMore: rows.length > MESSAGE_PAGE_SIZE,
  };
}
