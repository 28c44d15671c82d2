// Which job's thread a homeowner's text belongs to. A text carries no job:
// only the sender's number, which anyone may type on a public request form.
// What proves a number is ours to answer is that we texted it.
import type { Db } from "../../db.ts";
import { env } from "../../env.ts";
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
 * The job whose text the sender last received from us: a number proves
 * itself only by getting our texts, so a reply never lands in a job of a
 * customer who merely typed that number on a public form. That job if it is
 * open, or closed within REPLY_AFTER_CLOSE_DAYS.
 */
export async function findReplyJob(db: Db, e164: string, now = new Date()): Promise<ReplyJob> {
  const texted = await db.notification.findFirst({
    where: { channel: "SMS", to: { in: storedFormsOf(e164, env().SMS_COUNTRY_CODE) }, state: { in: REACHED } },
    orderBy: { sentAt: "desc" },
    select: { job: { select: jobSelect } },
  });
  if (!texted) return { missing: "unknown_sender" };
  const { job } = texted;
  return closedLongAgo(job, now) ? { missing: "no_recent_job" } : { found: toTarget(job) };
}

/** A job closed more than REPLY_AFTER_CLOSE_DAYS ago: answers by text or email no longer reopen it. */
export function closedLongAgo(job: { status: JobStatus; steps: unknown; updatedAt: Date }, now = new Date()): boolean {
  if (!CLOSED.includes(job.status)) return false;
  return closedAtOf(job) < new Date(now.getTime() - REPLY_AFTER_CLOSE_DAYS * DAY_MS);
}

/** Jobs this number was texted about, newest first: where a provider's retry of a text may already be stored. */
export async function jobsTextedTo(db: Db, e164: string): Promise<string[]> {
  const rows = await db.notification.findMany({
    where: { channel: "SMS", to: { in: storedFormsOf(e164, env().SMS_COUNTRY_CODE) }, state: { in: REACHED } },
    orderBy: { sentAt: "desc" },
    distinct: ["jobId"],
    take: TEXTED_JOBS,
    select: { jobId: true },
  });
  return rows.map((row) => row.jobId);
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
