// What Twilio posts to Trio's two webhooks, as far as Trio reads it. Not
// strict: Twilio sends many more fields (AccountSid, To, SmsStatus, media
// URLs, …) and adds new ones without notice.
import { z } from "zod";

/** A phone number as providers write it: +, country code, number (E.164). */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** Twilio's message ids: SM… (text) or MM… (picture message), 34 characters; a little room for other providers. */
const messageSidSchema = z
  .string({ message: "is missing" })
  .regex(/^[A-Za-z0-9]{10,60}$/, "must be letters and digits");

const emptyAsMissing = (value: unknown) => (value === "" ? undefined : value);

export const inboundTextSchema = z.object({
  /** E.164 for a phone; another channel's address (whatsapp:+1…) is read as an unknown sender. */
  From: z.string({ message: "is missing" }).min(1).max(100),
  Body: z.string().default(""),
  MessageSid: messageSidSchema,
  NumMedia: z.preprocess(emptyAsMissing, z.coerce.number().int().min(0).max(100).default(0)),
  /** Set by Twilio's Advanced Opt-Out when the body matched one of the keywords configured there. */
  OptOutType: z.preprocess(emptyAsMissing, z.string().max(20).optional()),
});
export type InboundText = z.infer<typeof inboundTextSchema>;

export const statusCallbackSchema = z.object({
  MessageSid: messageSidSchema,
  MessageStatus: z
    .string({ message: "is missing" })
    .min(1)
    .max(40)
    .transform((status) => status.toLowerCase()),
  ErrorCode: z.preprocess(
    emptyAsMissing,
    z
      .string()
      .regex(/^\d{1,10}$/, "must be a number")
      .optional(),
  ),
  /** The number the text went to (E.164). */
  To: z.preprocess(emptyAsMissing, z.string().max(100).optional()),
});
export type StatusCallback = z.infer<typeof statusCallbackSchema>;
