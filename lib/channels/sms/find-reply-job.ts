// Which job's thread a homeowner's text belongs to. A text carries no job:
// only the sender's number, which may be stored on customers of several
// companies, each with several jobs.
import type { Db } from "../../db.ts";
import { env } from "../../env.ts";
import type { JobStatus } from "../../generated/prisma/enums.ts";
import { toSteps } from "../../jobs/job-view.ts";
import type { ChannelHomeowner } from "../../messages/append-entry.ts";
import { storedFormsOf } from "./phone-numbers.ts";

/**
 * How long after a job closed a text still lands in its thread ("one more
 * thing…"); it then puts the job back in front of the staff. Older jobs are
 * left closed: the homeowner is asked to request a new visit.
 */
export const REPLY_AFTER_CLOSE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

const CLOSED: JobStatus[] = ["COMPLETED", "CANCELED"];
/** Closed jobs looked at (newest activity first) to find the most recently closed one. */
const CLOSED_CANDIDATES = 20;

export type ReplyTarget = {
  homeowner: ChannelHomeowner;
  company: { name: string; phone: string | null };
};

export type ReplyJob = { found: ReplyTarget } | { missing: "unknown_sender" | "no_recent_job" };

const jobSelect = {
  id: true,
  companyId: true,
  status: true,
  steps: true,
  updatedAt: true,
  customer: { select: { id: true, name: true } },
  company: { select: { name: true, phone: true } },
} as const;

/**
 * The sender's most recently updated open job, across every customer stored
 * with their number (in any company); else the job that closed most recently,
 * if within REPLY_AFTER_CLOSE_DAYS.
 */
export async function findReplyJob(db: Db, e164: string, now = new Date()): Promise<ReplyJob> {
  const phone = { in: storedFormsOf(e164, env().SMS_COUNTRY_CODE) };
  const open = await db.job.findFirst({
    where: { customer: { phone }, status: { notIn: CLOSED } },
    orderBy: { updatedAt: "desc" },
    select: jobSelect,
  });
  if (open) return { found: toTarget(open) };

  const cutoff = new Date(now.getTime() - REPLY_AFTER_CLOSE_DAYS * DAY_MS);
  // A job is updated when it closes and by every entry after, so updatedAt
  // ≥ cutoff narrows the search; when it closed is its step's time.
  const closed = await db.job.findMany({
    where: { customer: { phone }, status: { in: CLOSED }, updatedAt: { gte: cutoff } },
    orderBy: { updatedAt: "desc" },
    take: CLOSED_CANDIDATES,
    select: jobSelect,
  });
  const recent = closed
    .map((job) => ({ job, closedAt: closedAtOf(job) }))
    .filter(({ closedAt }) => closedAt >= cutoff)
    .sort((a, b) => b.closedAt.getTime() - a.closedAt.getTime())[0];
  if (recent) return { found: toTarget(recent.job) };

  const known = await db.customer.count({ where: { phone } });
  return { missing: known > 0 ? "no_recent_job" : "unknown_sender" };
}

type JobFound = {
  id: string;
  companyId: string;
  status: JobStatus;
  steps: unknown;
  updatedAt: Date;
  customer: { id: string; name: string };
  company: { name: string; phone: string | null };
};

function closedAtOf(job: JobFound): Date {
  const at = toSteps(job.steps)[job.status];
  return at ? new Date(at) : job.updatedAt;
}

function toTarget(job: JobFound): ReplyTarget {
  return {
    homeowner: { jobId: job.id, companyId: job.companyId, customerId: job.customer.id, name: job.customer.name },
    company: { name: job.company.name, phone: job.company.phone },
  };
}
