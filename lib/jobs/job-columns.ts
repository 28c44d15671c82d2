// A job as the hot path's SQL returns it (trio_append_entry, the catch-up
// read): flat columns named j_*, turned into a JobRow in one place.
import type { JobStatus } from "../generated/prisma/enums.ts";
import type { JobRow } from "./job-view.ts";

export type JobColumns = {
  j_id: string;
  j_company_id: string;
  j_number: number;
  j_title: string;
  j_description: string;
  j_status: JobStatus;
  j_technician_id: string | null;
  j_window_start: Date | null;
  j_window_end: Date | null;
  j_eta: Date | null;
  j_last_seq: number;
  j_updated_at: Date;
  j_last_public_seq: number;
  j_public_updated_at: Date;
  j_customer_name: string;
  j_customer_address: string | null;
  j_technician_name: string | null;
  j_awaiting_reply_since: Date | null;
  j_running_late_since: Date | null;
  j_created_at: Date;
  j_steps: unknown;
  j_technician_bio: string | null;
  j_announced_technician_id: string | null;
  j_address: string | null;
};

/** The same columns as a select list over "Job" j, "Customer" c and the technician "User" t. */
export const JOB_COLUMNS_SQL = `
  j."id" AS j_id, j."companyId" AS j_company_id, j."number" AS j_number, j."title" AS j_title,
  j."description" AS j_description, j."status"::text AS j_status, j."technicianId" AS j_technician_id,
  j."windowStart" AS j_window_start, j."windowEnd" AS j_window_end, j."eta" AS j_eta,
  j."lastSeq" AS j_last_seq, j."updatedAt" AS j_updated_at, j."lastPublicSeq" AS j_last_public_seq,
  j."publicUpdatedAt" AS j_public_updated_at, c."name" AS j_customer_name, c."address" AS j_customer_address,
  t."name" AS j_technician_name, j."awaitingReplySince" AS j_awaiting_reply_since,
  j."runningLateSince" AS j_running_late_since, j."createdAt" AS j_created_at, j."steps" AS j_steps,
  t."bio" AS j_technician_bio, j."announcedTechnicianId" AS j_announced_technician_id,
  j."address" AS j_address`;

export function toJobRow(row: JobColumns): JobRow {
  return {
    id: row.j_id,
    companyId: row.j_company_id,
    number: row.j_number,
    title: row.j_title,
    description: row.j_description,
    status: row.j_status,
    technicianId: row.j_technician_id,
    windowStart: row.j_window_start,
    windowEnd: row.j_window_end,
    eta: row.j_eta,
    lastSeq: row.j_last_seq,
    updatedAt: row.j_updated_at,
    lastPublicSeq: row.j_last_public_seq,
    publicUpdatedAt: row.j_public_updated_at,
    awaitingReplySince: row.j_awaiting_reply_since,
    runningLateSince: row.j_running_late_since,
    createdAt: row.j_created_at,
    steps: row.j_steps,
    announcedTechnicianId: row.j_announced_technician_id,
    address: row.j_address,
    customer: { name: row.j_customer_name, address: row.j_customer_address },
    technician:
      row.j_technician_id && row.j_technician_name
        ? { id: row.j_technician_id, name: row.j_technician_name, bio: row.j_technician_bio ?? "" }
        : null,
  };
}
