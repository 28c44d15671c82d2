import type { Actor } from "../auth/actor.ts";
import { visibleJobFilter, visibleTo } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { jobNotFound } from "../errors.ts";
import { type JobRow, type JobSummary, jobSummaryFor, jobSummarySelect } from "../jobs/job-view.ts";
import { publicSeqAtOrBefore } from "./mark-read.ts";
import { type MessageView, messageSelect, toMessageView } from "./message-view.ts";
import { MESSAGE_PAGE_SIZE } from "./schemas.ts";

export type Reader = { role: string; name: string; lastReadSeq: number };
export type ThreadPage = { job: JobSummary; messages: MessageView[]; readers: Reader[]; hasMore: boolean };

/** A thread's messages after `afterSeq` that the actor may see, and its readers (one query, with joins). */
const threadSelect = (actor: Actor, afterSeq: number) =>
  ({
    messages: {
      where: { seq: { gt: afterSeq }, visibility: { in: visibleTo(actor) } },
      orderBy: { seq: "asc" },
      take: MESSAGE_PAGE_SIZE + 1,
      select: messageSelect,
    },
    participants: { select: { role: true, name: true, lastReadSeq: true } },
  }) as const;

/**
 * What the actor may see of a thread after `afterSeq`: the catch-up every
 * (re)connect asks for, in one query that also checks access. Oldest first;
 * `hasMore` when a page did not hold it all.
 */
export async function listMessages(db: Db, actor: Actor, jobId: string, afterSeq: number): Promise<ThreadPage> {
  const where = visibleJobFilter(actor, jobId);
  const row =
    where && (await db.job.findFirst({ where, select: { ...jobSummarySelect, ...threadSelect(actor, afterSeq) } }));
  if (!row) throw jobNotFound();
  const { messages, participants, ...job } = row;
  return toPage(db, actor, job, messages, participants);
}

/** The same, for a job the caller has already checked the actor may see. */
export async function readThread(db: Db, actor: Actor, job: JobRow, afterSeq: number): Promise<ThreadPage> {
  const row = await db.job.findUnique({ where: { id: job.id }, select: threadSelect(actor, afterSeq) });
  if (!row) throw jobNotFound();
  return toPage(db, actor, job, row.messages, row.participants);
}

type MessageRow = Parameters<typeof toMessageView>[0];

async function toPage(
  db: Db,
  actor: Actor,
  job: JobRow,
  rows: MessageRow[],
  participants: Reader[],
): Promise<ThreadPage> {
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
