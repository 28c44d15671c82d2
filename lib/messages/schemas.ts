import { z } from "zod";
import { idSchema } from "../ids.ts";

export const MAX_MESSAGE_LENGTH = 4000;

/** No lone UTF-16 surrogates (String.prototype.isWellFormed, which Node 20's types lack). */
const isWellFormed = (text: string) => !/\p{Surrogate}/u.test(text);
export const MAX_CLIENT_ID_LENGTH = 64;
export const MESSAGE_PAGE_SIZE = 500;

export const visibilitySchema = z.enum(["EVERYONE", "STAFF"], { message: "must be EVERYONE or STAFF" });
export type VisibilityName = z.infer<typeof visibilitySchema>;

export const messageBodySchema = z
  .string({ message: "must be text" })
  .trim()
  .min(1, "Write something before sending.")
  .max(MAX_MESSAGE_LENGTH, `Messages can be at most ${MAX_MESSAGE_LENGTH} characters.`)
  // PostgreSQL text holds neither; refused here, they never reach (and fail) a batch of sends.
  .refine((text) => !text.includes("\0") && isWellFormed(text), "Messages can't contain that character.");

export const sendMessageInputSchema = z.strictObject({
  jobId: idSchema,
  clientId: z
    .string()
    .min(8)
    .max(MAX_CLIENT_ID_LENGTH)
    .regex(/^[A-Za-z0-9_-]+$/, "must be letters, digits, - or _"),
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
