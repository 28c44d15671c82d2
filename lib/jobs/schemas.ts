import { z } from "zod";
import { idSchema } from "../ids.ts";
import { messageLength } from "../messages/message-text.ts";
import { messageBodySchema } from "../messages/schemas.ts";
import { JOB_STATUSES } from "./job-statuses.ts";
import { MAX_JOB_SEARCH_LENGTH, MAX_STEP_BACK_REASON_LENGTH, MAX_WORK_SUMMARY_LENGTH } from "./text-limits.ts";

export { JOB_STATUSES };
export const jobStatusSchema = z.enum(JOB_STATUSES, { message: "must be a job status" });
export type JobStatusName = z.infer<typeof jobStatusSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** A phone's clock and the server's differ a little: an ETA this far back still counts as now. */
const CLOCK_SLACK_MS = 2 * 60 * 1000;
/** When a technician on the way expects to arrive: from now to a day ahead. */
export const etaSchema = z.iso.datetime({ offset: true, message: "must be an ISO date-time" }).refine((value) => {
  const at = Date.parse(value);
  return at > Date.now() - CLOCK_SLACK_MS && at < Date.now() + DAY_MS;
}, "must be within the next 24 hours");

/** Thread text (lib/messages/message-text.ts's rule) no longer than `max`. */
const shortText = (max: number) =>
  messageBodySchema.refine((text) => messageLength(text) <= max, `must be at most ${max} characters`);

export const transitionInputSchema = z.strictObject({
  jobId: idSchema,
  to: jobStatusSchema,
  eta: etaSchema.optional(),
  /** With COMPLETED: the work done, added to the thread entry. */
  summary: shortText(MAX_WORK_SUMMARY_LENGTH).optional(),
  /** Required for a step back (previousStatus): why, for everyone in the thread. */
  reason: shortText(MAX_STEP_BACK_REASON_LENGTH).optional(),
});
export type TransitionInput = z.infer<typeof transitionInputSchema>;

export const updateEtaInputSchema = z.strictObject({ jobId: idSchema, eta: etaSchema });
export type UpdateEtaInput = z.infer<typeof updateEtaInputSchema>;

export const assignInputSchema = z.strictObject({
  jobId: idSchema,
  technicianId: idSchema.nullable(),
});
export type AssignInput = z.infer<typeof assignInputSchema>;

/**
 * `open`: what needs the viewer now (open jobs, and closed ones whose
 * homeowner waits for an answer); `closed`: completed and canceled jobs,
 * searchable with `q`; `all`: everything.
 */
export const listJobsQuerySchema = z.strictObject({
  status: z.enum(["open", "closed", "all"], { message: "must be open, closed or all" }).default("open"),
  q: z.string().trim().max(MAX_JOB_SEARCH_LENGTH).optional(),
});
export type ListJobsQuery = z.infer<typeof listJobsQuerySchema>;

export const linkRefSchema = z.strictObject({ jobId: idSchema, linkId: idSchema });
export type LinkRef = z.infer<typeof linkRefSchema>;
