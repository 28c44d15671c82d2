import type { Actor } from "../auth/actor.ts";
import { jobListFilter, visibleTo } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { messageSelect, toMessageView } from "../messages/message-view.ts";
import { type JobSummary, jobSummaryFor, jobSummarySelect } from "./job-view.ts";
import type { ListJobsQuery } from "./schemas.ts";
import { MAX_SEARCH_RESULTS, searchClosedJobIds } from "./search-jobs.ts";

const OPEN = ["REQUESTED", "SCHEDULED", "EN_ROUTE", "ON_SITE"] as const;
const CLOSED = ["COMPLETED", "CANCELED"] as const;

/** Which jobs a list shows (see listJobsQuerySchema). */
async function statusFilter(db: Db, actor: Actor, { status, q }: ListJobsQuery) {
  if (status === "all") return {};
  // A closed job whose homeowner wrote again needs the staff as much as an open one.
  if (status === "open") return { OR: [{ status: { in: [...OPEN] } }, { awaitingReplySince: { not: null } }] };
  if (q) return { id: { in: await searchClosedJobIds(db, actor, q) } };
  return { status: { in: [...CLOSED] } };
}

/**
 * The jobs an actor may see, newest activity first, each with its last visible
 * message and the viewer's unread count.
 */
export async function listJobs(db: Db, actor: Actor, query: ListJobsQuery = { status: "open" }): Promise<JobSummary[]> {
  const jobs = await db.job.findMany({
    where: { ...jobListFilter(actor), ...(await statusFilter(db, actor, query)) },
    orderBy: { updatedAt: "desc" },
    take: query.status === "closed" ? MAX_SEARCH_RESULTS : 200,
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
  return jobs.map(({ messages, participants, ...job }) => {
    const lastMessage = messages[0] ? toMessageView(messages[0]) : null;
    const readSeq = participants[0]?.lastReadSeq ?? 0;
    const unread = actor.kind === "staff" ? Math.max(0, job.lastSeq - readSeq) : 0;
    return { ...jobSummaryFor(actor, job), lastMessage, unread };
  });
}
