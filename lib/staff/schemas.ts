import { z } from "zod";
import { cleanMessageText, messageLength } from "../messages/message-text.ts";
import { MAX_BIO_LENGTH } from "./text-limits.ts";

/** What homeowners read about a technician: cleaned like a message; empty clears it. */
export const bioInputSchema = z.strictObject({
  bio: z
    .string({ message: "must be text" })
    .transform(cleanMessageText)
    .refine((bio) => !/\p{Surrogate}/u.test(bio), "can't contain that character")
    .refine((bio) => messageLength(bio) <= MAX_BIO_LENGTH, `can be at most ${MAX_BIO_LENGTH} characters`),
});
export type BioInput = z.infer<typeof bioInputSchema>;
