import { z } from "zod";
import { idSchema } from "../ids.ts";

export const JOB_STATUSES = ["REQUESTED", "SCHEDULED", "EN_ROUTE", "ON_SITE", "COMPLETED", "CANCELED"] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES, { message: "must be a job status" });
export type JobStatusName = z.infer<typeof jobStatusSchema>;

export const transitionInputSchema = z.strictObject({
  jobId: idSchema,
  to: jobStatusSchema,
  eta: z.iso.datetime({ offset: true, message: "must be an ISO date-time" }).optional(),
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
