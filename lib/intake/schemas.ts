import { z } from "zod";
import {
  addressSchema,
  channelSchema,
  customerNameSchema,
  optionalEmailSchema,
  optionalPhoneSchema,
} from "../customers/schemas.ts";
import { preferredTimesSchema, problemSchema } from "../jobs/schemas.ts";

export { MAX_PREFERRED_TIMES_LENGTH, MAX_PROBLEM_LENGTH } from "../jobs/schemas.ts";

/** The whole form, posted: every field at its longest, percent-encoded, fits. */
export const MAX_REQUEST_FORM_BYTES = 32 * 1024;

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

/** "Send me a new link": the phone number or email on the homeowner's job, and the company when known. */
export const newLinkInputSchema = z
  .strictObject({
    contact: z.string({ message: "Give the phone number or email on your job." }).max(300, "That is too long."),
    company: z.string().max(100).optional(),
  })
  .transform((value, ctx) => {
    const raw = value.contact.trim();
    const parsed = raw.includes("@") ? optionalEmailSchema.safeParse(raw) : optionalPhoneSchema.safeParse(raw);
    if (!parsed.success || !parsed.data) {
      // No field name in front: the form has one field, and people read this.
      ctx.addIssue({
        code: "custom",
        message: parsed.success
          ? "Give the phone number or email on your job."
          : (parsed.error.issues[0]?.message ?? "That doesn't look right."),
      });
      return z.NEVER;
    }
    const contact = raw.includes("@")
      ? ({ kind: "EMAIL", value: parsed.data } as const)
      : ({ kind: "SMS", value: parsed.data } as const);
    return { contact, company: value.company || null };
  });
export type NewLinkInput = z.infer<typeof newLinkInputSchema>;
