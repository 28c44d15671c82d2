import { z } from "zod";
import { idSchema } from "../ids.ts";

export const JOB_STATUSES = ["REQUESTED", "SCHEDULED", "EN_ROUTE", "ON_SITE", "COMPLETED", "CANCELED"] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES, { message: "must be a job status" });
export type JobStatusName = z.infer<typeof jobStatusSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** An arrival time someone could mean: from a day ago (a late correction) to a year ahead. */
const etaSchema = z.iso.datetime({ offset: true, message: "must be an ISO date-time" }).refine((value) => {
  const at = Date.parse(value);
  return at > Date.now() - DAY_MS && at < Date.now() + 366 * DAY_MS;
}, "must be between yesterday and a year from now");

export const transitionInputSchema = z.strictObject({
  jobId: idSchema,
  to: jobStatusSchema,
  eta: etaSchema.optional(),
});
export type TransitionInput = z.infer<typeof transitionInputSchema>;

export const assignInputSchema = z.strictObject({
  jobId: idSchema,
  technicianId: idSchema.nullable(),
});
export type AssignInput = z.infer<typeof assignInputSchema>;

export const listJobsQuerySchema = z.strictObject({
  status: z.enum(["open", "all"], { message: "must be open or all" }).default("open"),
});

export const linkRefSchema = z.strictObject({ jobId: idSchema, linkId: idSchema });
export type LinkRef = z.infer<typeof linkRefSchema>;
