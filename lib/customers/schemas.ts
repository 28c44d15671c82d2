import { z } from "zod";
import { cleanMessageText } from "../messages/message-text.ts";

export const MAX_NAME_LENGTH = 100;
export const MAX_ADDRESS_LENGTH = 300;
/** RFC 5321's longest address. */
export const MAX_EMAIL_LENGTH = 254;
/** As typed, spaces and dashes included; E.164 allows 15 digits after the +. */
export const MAX_PHONE_INPUT_LENGTH = 30;
export const MIN_PHONE_DIGITS = 7;
export const MAX_PHONE_DIGITS = 15;
export const MAX_SEARCH_LENGTH = 100;

/**
 * A phone number as it is stored and matched: its digits, with a leading + if
 * it was written with one ("+1 (555) 010-0100" → "+15550100100"). Numbers
 * written with and without a country code stay different numbers: Trio does
 * not guess a country.
 */
export function normalizePhone(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, "");
  return trimmed.startsWith("+") ? `+${digits}` : digits;
}

/** An email as it is stored and matched: trimmed, lower case. */
export const normalizeEmail = (raw: string) => raw.trim().toLowerCase();

/** One line of text a person typed: cleaned like a message, line breaks folded to spaces. */
const lineOf = (max: number, what: string) =>
  z
    .string({ message: `${what} must be text` })
    .transform((raw) => cleanMessageText(raw).replace(/\s+/g, " "))
    .pipe(z.string().max(max, `${what} can be at most ${max} characters.`));

export const customerNameSchema = lineOf(MAX_NAME_LENGTH, "Your name").pipe(z.string().min(1, "Tell us your name."));
export const addressSchema = lineOf(MAX_ADDRESS_LENGTH, "The address").pipe(
  z.string().min(1, "Tell us where the work is."),
);

/** Empty means "not given". */
export const optionalPhoneSchema = z
  .string({ message: "The phone number must be text" })
  .max(MAX_PHONE_INPUT_LENGTH, "That phone number is too long.")
  .transform((raw) => raw.trim())
  .refine((raw) => raw === "" || /^\+?[\d\s().-]+$/.test(raw), {
    message: "A phone number has digits, and may start with +.",
    abort: true,
  })
  .transform(normalizePhone)
  .refine(
    (phone) => {
      const digits = phone.replace("+", "").length;
      return phone === "" || (digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS);
    },
    { message: `A phone number has ${MIN_PHONE_DIGITS} to ${MAX_PHONE_DIGITS} digits.`, abort: true },
  )
  .transform((phone) => phone || null);

export const optionalEmailSchema = z
  .string({ message: "The email must be text" })
  .max(MAX_EMAIL_LENGTH, `An email address can be at most ${MAX_EMAIL_LENGTH} characters.`)
  .transform(normalizeEmail)
  .refine((email) => email === "" || z.email().safeParse(email).success, {
    message: "That email address doesn't look right.",
    abort: true,
  })
  .transform((email) => email || null);

export const channelSchema = z.enum(["WEB", "SMS", "EMAIL"], { message: "Choose how we should reach you." });
export type ChannelName = z.infer<typeof channelSchema>;

const newCustomerFields = {
  name: customerNameSchema,
  phone: optionalPhoneSchema.prefault(""),
  email: optionalEmailSchema.prefault(""),
};

const needsContact = (value: { phone: string | null; email: string | null }, ctx: z.RefinementCtx) => {
  if (!value.phone && !value.email)
    ctx.addIssue({ code: "custom", path: ["phone"], message: "Give a phone number or an email, or both." });
};

/** A new customer: a name, and a phone or an email (or both) to find them by again. */
export const newCustomerSchema = z.strictObject(newCustomerFields).superRefine(needsContact);
export type NewCustomer = z.infer<typeof newCustomerSchema>;

/** Who a job is for, as the office's form says it: a customer picked from a search, or a new one. */
export const customerChoiceSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("known"), id: z.uuid({ message: "Choose a customer from the list." }) }),
    z.strictObject({ kind: z.literal("new"), ...newCustomerFields }).superRefine(needsContact),
  ],
  { message: "Choose a customer or add one." },
);
export type CustomerChoice = z.infer<typeof customerChoiceSchema>;

export const searchCustomersQuerySchema = z.strictObject({
  q: z
    .string()
    .max(MAX_SEARCH_LENGTH, `Search with at most ${MAX_SEARCH_LENGTH} characters.`)
    .default("")
    // Control characters (NUL above all, which PostgreSQL can't compare) match nothing anyone typed.
    .transform((q) => q.replace(/\p{Cc}/gu, "").trim()),
});
