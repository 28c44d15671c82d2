import { z } from "zod";
import { addressSchema, customerChoiceSchema } from "../customers/schemas.ts";
import { idSchema } from "../ids.ts";
import { cleanMessageText, messageTextProblem } from "../messages/message-text.ts";

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
