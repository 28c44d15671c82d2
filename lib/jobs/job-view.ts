import type { Actor } from "../auth/actor.ts";
import type { JobRating } from "../feedback/rating-view.ts";
import type { JobStatus } from "../generated/prisma/enums.ts";
import type { MessageView } from "../messages/message-view.ts";

/** The shape of a job on the wire (`job:updated`, lists, thread headers). */
export type JobSummary = {
  id: string;
  number: number;
  title: string;
  description: string;
  status: JobStatus;
  customer: { name: string; address: string | null };
  technician: { id: string; name: string } | null;
  windowStart: string | null;
  windowEnd: string | null;
  eta: string | null;
  lastSeq: number;
  updatedAt: string;
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
  customer: { select: { name: true, address: true } },
  technician: { select: { id: true, name: true } },
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
  customer: { name: string; address: string | null };
  technician: { id: string; name: string } | null;
};

export function toJobSummary(job: JobRow): JobSummary {
  return {
    id: job.id,
    number: job.number,
    title: job.title,
    description: job.description,
    status: job.status,
    customer: job.customer,
    technician: job.technician,
    windowStart: job.windowStart?.toISOString() ?? null,
    windowEnd: job.windowEnd?.toISOString() ?? null,
    eta: job.eta?.toISOString() ?? null,
    lastSeq: job.lastSeq,
    updatedAt: job.updatedAt.toISOString(),
  };
}

/**
 * What a homeowner may know of a job: no staff ids, and progress counted in
 * the entries they can see, so an internal note changes nothing here.
 */
export function toPublicJobSummary(job: JobRow): JobSummary {
  return {
    ...toJobSummary(job),
    technician: job.technician ? { id: "", name: job.technician.name } : null,
    lastSeq: job.lastPublicSeq,
    updatedAt: job.publicUpdatedAt.toISOString(),
  };
}

export function jobSummaryFor(actor: Actor, job: JobRow): JobSummary {
  return actor.kind === "staff" ? toJobSummary(job) : toPublicJobSummary(job);
}
