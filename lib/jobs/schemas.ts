import { z } from "zod";
import { addressSchema, customerChoiceSchema } from "../customers/schemas.ts";
import { idSchema } from "../ids.ts";
import { cleanMessageText, messageLength, messageTextProblem } from "../messages/message-text.ts";
import { clientIdSchema, messageBodySchema } from "../messages/schemas.ts";
import { ETA_CLOCK_SLACK_MS, ETA_MAX_AHEAD_MS } from "./eta-limits.ts";
import { JOB_STATUSES } from "./job-statuses.ts";
import { MAX_JOB_SEARCH_LENGTH, MAX_STEP_BACK_REASON_LENGTH, MAX_WORK_SUMMARY_LENGTH } from "./text-limits.ts";

export { JOB_STATUSES };
export const jobStatusSchema = z.enum(JOB_STATUSES, { message: "must be a job status" });
export type JobStatusName = z.infer<typeof jobStatusSchema>;

/** When a technician on the way expects to arrive: from now to a day ahead. */
export const etaSchema = z.iso.datetime({ offset: true, message: "must be an ISO date-time" }).refine((value) => {
  const at = Date.parse(value);
  return at > Date.now() - ETA_CLOCK_SLACK_MS && at < Date.now() + ETA_MAX_AHEAD_MS;
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
  /**
   * The tap's own id (a tap made offline is sent again until it is answered):
   * the step's thread entry carries it, and a repeat changes nothing more.
   */
  clientId: clientIdSchema.optional(),
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
  q: z
    .string()
    .max(MAX_JOB_SEARCH_LENGTH, `must be at most ${MAX_JOB_SEARCH_LENGTH} characters`)
    // Control characters (NUL above all, which PostgreSQL can't compare) match nothing anyone typed.
    .transform((q) => q.replace(/\p{Cc}/gu, "").trim())
    .optional(),
});
export type ListJobsQuery = z.infer<typeof listJobsQuerySchema>;

export const linkRefSchema = z.strictObject({ jobId: idSchema, linkId: idSchema });
export type LinkRef = z.infer<typeof linkRefSchema>;

/** What's wrong, in the homeowner's words: room for a story, not for a document. */
export const MAX_PROBLEM_LENGTH = 2000;
export const MAX_PREFERRED_TIMES_LENGTH = 200;

/** The problem text, cleaned as a message is (lib/messages/message-text.ts), at most MAX_PROBLEM_LENGTH. */
export const problemSchema = z.string({ message: "Tell us what's wrong." }).transform((raw, ctx) => {
  const text = cleanMessageText(raw);
  const problem = messageTextProblem(text);
  if (problem || text.length === 0) {
    ctx.issues.push({ code: "custom", message: "Tell us what's wrong.", input: raw });
    return z.NEVER;
  }
  if ([...text].length > MAX_PROBLEM_LENGTH) {
    ctx.issues.push({
      code: "custom",
      message: `Keep it to ${MAX_PROBLEM_LENGTH} characters; you can add more in the conversation.`,
      input: raw,
    });
    return z.NEVER;
  }
  return text;
});

export const preferredTimesSchema = z
  .string({ message: "Preferred times must be text" })
  .transform((raw) => cleanMessageText(raw).replace(/\s+/g, " "))
  .pipe(z.string().max(MAX_PREFERRED_TIMES_LENGTH, `Keep it to ${MAX_PREFERRED_TIMES_LENGTH} characters.`));

/** An arrival window as a dispatcher types it: a day and two clock times in the company's time zone. */
export const windowInputSchema = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a day."),
  start: z.string().regex(/^\d{2}:\d{2}$/, "Choose a start time."),
  end: z.string().regex(/^\d{2}:\d{2}$/, "Choose an end time."),
});
export type WindowInput = z.infer<typeof windowInputSchema>;

/** A job a dispatcher opens (a call): a known customer by id, or a new one. */
export const createJobInputSchema = z.strictObject({
  customer: customerChoiceSchema,
  address: addressSchema,
  problem: problemSchema,
  window: windowInputSchema.nullable().prefault(null),
  technicianId: idSchema.nullable().prefault(null),
});
export type CreateJobInput = z.infer<typeof createJobInputSchema>;
