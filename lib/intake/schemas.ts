import { z } from "zod";
import {
  addressSchema,
  channelSchema,
  customerNameSchema,
  optionalEmailSchema,
  optionalPhoneSchema,
} from "../customers/schemas.ts";
import { cleanMessageText, messageTextProblem } from "../messages/message-text.ts";

/** What's wrong, in the homeowner's words: room for a story, not for a document. */
export const MAX_PROBLEM_LENGTH = 2000;
export const MAX_PREFERRED_TIMES_LENGTH = 200;
/** The whole form, posted: every field at its longest, percent-encoded, fits. */
export const MAX_REQUEST_FORM_BYTES = 32 * 1024;

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

/**
 * The public request form (`/r/<company>`), the same for the scripted form's
 * JSON and the plain form post. `website` is the honeypot: hidden from people,
 * filled in by bots.
 */
export const requestInputSchema = z
  .strictObject({
    name: customerNameSchema,
    phone: optionalPhoneSchema.prefault(""),
    email: optionalEmailSchema.prefault(""),
    address: addressSchema,
    problem: problemSchema,
    preferredTimes: preferredTimesSchema.prefault(""),
    channel: channelSchema.prefault("WEB"),
    website: z.string().max(500).prefault(""),
  })
  .superRefine((value, ctx) => {
    if (!value.phone && !value.email) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Give a phone number or an email, or both." });
    } else if (value.channel === "SMS" && !value.phone) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Give a phone number we can text." });
    } else if (value.channel === "EMAIL" && !value.email) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Give an email address we can write to." });
    }
  });
export type RequestInput = z.infer<typeof requestInputSchema>;

/** The fields a plain form post may carry (anything else is ignored, not refused: browsers add their own). */
export const REQUEST_FIELDS = [
  "name",
  "phone",
  "email",
  "address",
  "problem",
  "preferredTimes",
  "channel",
  "website",
] as const;
