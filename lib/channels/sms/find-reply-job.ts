// Which job's thread a homeowner's text belongs to. A text carries no job:
// only the sender's number, which anyone may type on a public request form.
// What proves a number is ours to answer is that we texted it.
import type { Db } from "../../db.ts";
import { env } from "../../env.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { DeliveryState, JobStatus } from "../../generated/prisma/enums.ts";
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
/** Texts that reached the provider: a number that got one can answer it. */
const REACHED: DeliveryState[] = ["SENT", "DELIVERED"];
/** How many recent jobs a retried text is looked for in. */
const TEXTED_JOBS = 20;

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
 * Texts that tie a number to a job: what the company itself said there (a
 * step, its messages), or the link of a job staff opened for that number.
 * Not the link a public request form had us send: anyone may type anyone's
 * number there, and the texts that number sends back must not reach them.
 */
const vouching = (e164: string): Prisma.NotificationWhereInput => ({
  channel: "SMS",
  to: { in: storedFormsOf(e164, env().SMS_COUNTRY_CODE) },
  state: { in: REACHED },
  OR: [{ kind: { in: ["STEP", "MESSAGES"] } }, { kind: "JOB_LINK", job: { requestedOnline: false } }],
});

/**
 * The job whose text (one that vouches for the number, above) the sender last
 * received from us: that job if it is open, or closed within
 * REPLY_AFTER_CLOSE_DAYS.
 */
export async function findReplyJob(db: Db, e164: string, now = new Date()): Promise<ReplyJob> {
  const texted = await db.notification.findFirst({
    where: vouching(e164),
    orderBy: { sentAt: "desc" },
    select: { job: { select: jobSelect } },
  });
  if (!texted) return { missing: "unknown_sender" };
  const { job } = texted;
  return closedLongAgo(job, now) ? { missing: "no_recent_job" } : { found: toTarget(job) };
}

/** Jobs this number was texted about, newest first: where a provider's retry of a text may already be stored. */
export async function jobsTextedTo(db: Db, e164: string): Promise<string[]> {
  const rows = await db.notification.findMany({
    where: vouching(e164),
    orderBy: { sentAt: "desc" },
    take: TEXTED_JOBS,
    select: { jobId: true },
  });
  return [...new Set(rows.map((row) => row.jobId))];
}

/** Whether any text of ours reached this number (whatever job it was about). */
export async function wasTexted(db: Db, e164: string): Promise<boolean> {
  const found = await db.notification.findFirst({
    where: { channel: "SMS", to: { in: storedFormsOf(e164, env().SMS_COUNTRY_CODE) }, state: { in: REACHED } },
    select: { id: true },
  });
  return found !== null;
}

/** A job closed more than REPLY_AFTER_CLOSE_DAYS ago: answers by text or email no longer reopen it. */
export function closedLongAgo(job: { status: JobStatus; steps: unknown; updatedAt: Date }, now = new Date()): boolean {
  if (!CLOSED.includes(job.status)) return false;
  return closedAtOf(job) < new Date(now.getTime() - REPLY_AFTER_CLOSE_DAYS * DAY_MS);
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

function closedAtOf(job: { status: JobStatus; steps: unknown; updatedAt: Date }): Date {
  const at = toSteps(job.steps)[job.status];
  return at ? new Date(at) : job.updatedAt;
}

function toTarget(job: JobFound): ReplyTarget {
  return {
    homeowner: { jobId: job.id, companyId: job.companyId, customerId: job.customer.id, name: job.customer.name },
    company: { name: job.company.name, phone: job.company.phone },
  };
}
