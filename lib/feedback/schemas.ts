import { z } from "zod";
import { idSchema } from "../ids.ts";
import { cleanMessageText, messageLength } from "../messages/message-text.ts";
import {
  MAX_COMMENT_LENGTH,
  RECOMMEND_MAX,
  RECOMMEND_MIN,
  SATISFACTION_MAX,
  SATISFACTION_MIN,
} from "./rating-rules.ts";

const score = (min: number, max: number) =>
  z
    .number({ message: "must be a number" })
    .int({ message: "must be a whole number" })
    .min(min, { message: `must be from ${min} to ${max}` })
    .max(max, { message: `must be from ${min} to ${max}` });

/** Optional; stored cleaned as messages are (lib/messages/message-text.ts). */
const commentSchema = z
  .string({ message: "must be text" })
  .transform((raw) => cleanMessageText(raw))
  .refine((text) => !/\p{Surrogate}/u.test(text), { message: "can't contain that character" })
  .refine((text) => messageLength(text) <= MAX_COMMENT_LENGTH, {
    message: `can be at most ${MAX_COMMENT_LENGTH} characters`,
  });

export const rateJobInputSchema = z.strictObject({
  jobId: idSchema,
  satisfaction: score(SATISFACTION_MIN, SATISFACTION_MAX),
  recommend: score(RECOMMEND_MIN, RECOMMEND_MAX),
  comment: commentSchema.default(""),
});
export type RateJobInput = z.infer<typeof rateJobInputSchema>;
