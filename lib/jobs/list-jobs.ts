import type { Actor } from "../auth/actor.ts";
import { jobListFilter, visibleTo } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { alsoOnBoard, withRatings } from "../feedback/ratings-for-jobs.ts";
import { messageSelect, toMessageView } from "../messages/message-view.ts";
import { type JobSummary, jobSummaryFor, jobSummarySelect } from "./job-view.ts";

const OPEN = ["REQUESTED", "SCHEDULED", "EN_ROUTE", "ON_SITE"] as const;

/**
 * The jobs an actor may see, newest activity first, each with its last visible
 * message and the viewer's unread count. `open` leaves out finished jobs.
 */
export async function listJobs(db: Db, actor: Actor, { open = true } = {}): Promise<JobSummary[]> {
  const jobs = await db.job.findMany({
    where: {
      ...jobListFilter(actor),
      ...(open ? { OR: [{ status: { in: [...OPEN] } }, { id: { in: await alsoOnBoard(db, actor) } }] } : {}),
    },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      ...jobSummarySelect,
      messages: {
        where: { visibility: { in: visibleTo(actor) } },
        orderBy: { seq: "desc" },
        take: 1,
        select: messageSelect,
      },
      participants: {
        where: actor.kind === "staff" ? { userId: actor.userId } : { customerId: actor.customerId },
        select: { lastReadSeq: true },
      },
    },
  });
  const summaries = jobs.map(({ messages, participants, ...job }) => {
    const lastMessage = messages[0] ? toMessageView(messages[0]) : null;
    const readSeq = participants[0]?.lastReadSeq ?? 0;
    const unread = actor.kind === "staff" ? Math.max(0, job.lastSeq - readSeq) : 0;
    return { ...jobSummaryFor(actor, job), lastMessage, unread };
  });
  return withRatings(db, actor, summaries);
}
