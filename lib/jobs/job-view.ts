import type { Actor } from "../auth/actor.ts";
import type { JobRating } from "../feedback/rating-view.ts";
import type { JobStatus } from "../generated/prisma/enums.ts";
import type { MessageView } from "../messages/message-view.ts";
import { JOB_STATUSES } from "./job-statuses.ts";
import { isOpen } from "./status-machine.ts";

export type Steps = Partial<Record<JobStatus, string>>;

/** Job.steps as stored, trusting only status names and ISO times. */
export function toSteps(value: unknown): Steps {
  const steps: Steps = {};
  if (!value || typeof value !== "object") return steps;
  for (const status of JOB_STATUSES) {
    const at = (value as Record<string, unknown>)[status];
    if (typeof at === "string" && !Number.isNaN(Date.parse(at))) steps[status] = at;
  }
  return steps;
}

/** The shape of a job on the wire (`job:updated`, lists, thread headers). */
export type JobSummary = {
  id: string;
  number: number;
  title: string;
  description: string;
  status: JobStatus;
  customer: { name: string; address: string | null };
  technician: { id: string; name: string; bio: string } | null;
  windowStart: string | null;
  windowEnd: string | null;
  eta: string | null;
  lastSeq: number;
  updatedAt: string;
  /** Staff only (null for homeowners): since when a homeowner's message waits for an answer. */
  awaitingReplySince: string | null;
  /** Since when Trio has said in the thread that the visit runs late (a new ETA, window or status ends it). */
  runningLateSince: string | null;
  createdAt: string;
  /** When each status began (ISO), for the homeowner's timeline; a step taken back may leave a later one here. */
  steps: Steps;
  /** Lists and staff broadcasts: the newest message the viewer may see (notes only for staff). */
  lastMessage?: MessageView | null;
  /** Lists only: messages after the viewer's last read one. */
  unread?: number;
  /**
   * Staff only: the homeowner's rating (null: not rated). Lists and the
   * `job:updated` a rating sends carry it; summaries without it leave a
   * client's copy as it was.
   */
  rating?: JobRating | null;
};

export const jobSummarySelect = {
  id: true,
  companyId: true,
  number: true,
  title: true,
  description: true,
  status: true,
  technicianId: true,
  windowStart: true,
  windowEnd: true,
  eta: true,
  lastSeq: true,
  updatedAt: true,
  lastPublicSeq: true,
  publicUpdatedAt: true,
  awaitingReplySince: true,
  runningLateSince: true,
  createdAt: true,
  steps: true,
  announcedTechnicianId: true,
  address: true,
  customer: { select: { name: true, address: true } },
  technician: { select: { id: true, name: true, bio: true } },
} as const;

export type JobRow = {
  id: string;
  companyId: string;
  number: number;
  title: string;
  description: string;
  status: JobStatus;
  technicianId: string | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  eta: Date | null;
  lastSeq: number;
  updatedAt: Date;
  lastPublicSeq: number;
  publicUpdatedAt: Date;
  awaitingReplySince: Date | null;
  runningLateSince: Date | null;
  createdAt: Date;
  /** Job.steps as stored (JSON); read with toSteps. */
  steps: unknown;
  /** The technician the homeowner has been told about (lib/jobs/announce-technicians.ts). */
  announcedTechnicianId: string | null;
  /** Where the work is, when the request said (else the customer's address on file). */
  address: string | null;
  customer: { name: string; address: string | null };
  technician: { id: string; name: string; bio: string } | null;
};

export function toJobSummary(job: JobRow): JobSummary {
  return {
    id: job.id,
    number: job.number,
    title: job.title,
    description: job.description,
    status: job.status,
    customer: { name: job.customer.name, address: job.address ?? job.customer.address },
    technician: job.technician,
    windowStart: job.windowStart?.toISOString() ?? null,
    windowEnd: job.windowEnd?.toISOString() ?? null,
    eta: job.eta?.toISOString() ?? null,
    lastSeq: job.lastSeq,
    updatedAt: job.updatedAt.toISOString(),
    awaitingReplySince: job.awaitingReplySince?.toISOString() ?? null,
    runningLateSince: job.runningLateSince?.toISOString() ?? null,
    createdAt: job.createdAt.toISOString(),
    steps: toSteps(job.steps),
  };
}

/**
 * What a homeowner may know of a job: no staff ids, and progress counted in
 * the entries they can see, so an internal note changes nothing here.
 */
export function toPublicJobSummary(job: JobRow): JobSummary {
  return {
    ...toJobSummary(job),
    // Only once they have been told who is coming: no shuffle shows on their page.
    technician:
      job.technician && job.technician.id === job.announcedTechnicianId ? { ...job.technician, id: "" } : null,
    lastSeq: job.lastPublicSeq,
    updatedAt: job.publicUpdatedAt.toISOString(),
    awaitingReplySince: null,
  };
}

export function jobSummaryFor(actor: Actor, job: JobRow): JobSummary {
  return actor.kind === "staff" ? toJobSummary(job) : toPublicJobSummary(job);
}

/**
 * Whether a job belongs on live lists (the board, a technician's jobs): open,
 * or closed with a homeowner waiting for an answer (listJobs' "open" filter).
 */
export function isLive(job: Pick<JobSummary, "status" | "awaitingReplySince">): boolean {
  return isOpen(job.status) || job.awaitingReplySince !== null;
}
