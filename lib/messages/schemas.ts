import { z } from "zod";
import { idSchema } from "../ids.ts";
import { cleanMessageText, messageTextProblem } from "./message-text.ts";

export { MAX_MESSAGE_LENGTH } from "./message-text.ts";

export const MAX_CLIENT_ID_LENGTH = 64;
export const MESSAGE_PAGE_SIZE = 500;

export const visibilitySchema = z.enum(["EVERYONE", "STAFF"], { message: "must be EVERYONE or STAFF" });
export type VisibilityName = z.infer<typeof visibilitySchema>;

/** lib/messages/message-text.ts's rule: stored cleaned, refused with the composer's own words. */
export const messageBodySchema = z.string({ message: "must be text" }).transform((raw, ctx) => {
  const text = cleanMessageText(raw);
  const problem = messageTextProblem(text);
  if (problem) {
    ctx.issues.push({ code: "custom", message: problem, input: raw });
    return z.NEVER;
  }
  return text;
});

/** The sender's own id for an entry (a UUID in practice): a resend with it is stored once. */
export const clientIdSchema = z
  .string()
  .min(8)
  .max(MAX_CLIENT_ID_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, "must be letters, digits, - or _");

export const sendMessageInputSchema = z.strictObject({
  jobId: idSchema,
  clientId: clientIdSchema,
  body: messageBodySchema,
  visibility: visibilitySchema.default("EVERYONE"),
});
export type SendMessageInput = z.infer<typeof sendMessageInputSchema>;

const seqSchema = z.number({ message: "must be a number" }).int().min(0).max(2_147_483_647);
/** The same, as it arrives in a URL query. */
const seqQuerySchema = z
  .string()
  .regex(/^\d{1,10}$/, "must be a whole number")
  .transform(Number)
  .pipe(seqSchema);

export const joinThreadInputSchema = z.strictObject({ jobId: idSchema, afterSeq: seqSchema.default(0) });
export const leaveThreadInputSchema = z.strictObject({ jobId: idSchema });
export const readThreadInputSchema = z.strictObject({ jobId: idSchema, seq: seqSchema });
export const typingInputSchema = z.strictObject({ jobId: idSchema, visibility: visibilitySchema.optional() });
export const listMessagesQuerySchema = z.strictObject({ afterSeq: seqQuerySchema.default(0) });
