import { z } from "zod";
import { cleanQuickReply, quickReplyProblem } from "./template.ts";

export { MAX_QUICK_REPLIES, MAX_QUICK_REPLY_LENGTH } from "./template.ts";

/** template.ts's rule: stored cleaned, refused with the editor's own words. */
export const quickReplyTextSchema = z.string({ message: "must be text" }).transform((raw, ctx) => {
  const text = cleanQuickReply(raw);
  const problem = quickReplyProblem(text);
  if (problem) {
    ctx.issues.push({ code: "custom", message: problem, input: raw });
    return z.NEVER;
  }
  return text;
});

export const createQuickReplyInputSchema = z.strictObject({ text: quickReplyTextSchema });
export type CreateQuickReplyInput = z.infer<typeof createQuickReplyInputSchema>;

/** A change of words, of place in the list (0 is first; past the end is last), or both. */
export const updateQuickReplyInputSchema = z
  .strictObject({
    text: quickReplyTextSchema.optional(),
    position: z.number({ message: "must be a number" }).int("must be a whole number").min(0).max(1000).optional(),
  })
  .refine((input) => input.text !== undefined || input.position !== undefined, "Send the new text or position.");
export type UpdateQuickReplyInput = z.infer<typeof updateQuickReplyInputSchema>;
