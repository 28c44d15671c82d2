import { z } from "zod";
import { idSchema } from "../ids.ts";
import { cleanMessageText, MAX_MESSAGE_LENGTH, messageLength } from "../messages/message-text.ts";
import { clientIdSchema, visibilitySchema } from "../messages/schemas.ts";

/** An optional caption: the message's body, cleaned as any message is; empty when none. */
export const captionSchema = z
  .string({ message: "must be text" })
  .default("")
  .transform((raw) => cleanMessageText(raw))
  .refine((text) => messageLength(text) <= MAX_MESSAGE_LENGTH, {
    message: `Captions can be at most ${MAX_MESSAGE_LENGTH} characters.`,
  })
  .refine((text) => !/\p{Surrogate}/u.test(text), { message: "Captions can't contain that character." });

/** The fields of POST /api/jobs/:id/photos (multipart/form-data), the file read apart. */
export const postPhotoInputSchema = z.strictObject({
  jobId: idSchema,
  clientId: clientIdSchema,
  visibility: visibilitySchema.default("EVERYONE"),
  caption: captionSchema,
  file: z.instanceof(Blob, { message: "Choose a photo to send." }),
});
export type PostPhotoInput = z.infer<typeof postPhotoInputSchema>;

export const photoSizeSchema = z.enum(["full", "thumb"], { message: "must be full or thumb" });
export type PhotoSize = z.infer<typeof photoSizeSchema>;

export const photoQuerySchema = z.strictObject({ size: photoSizeSchema.default("full") });
