import type { Actor } from "../auth/actor.ts";
import { AppError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { editQuickReplies } from "./edit-quick-replies.ts";
import { readQuickReplies } from "./list-quick-replies.ts";
import { type QuickReplyView, toQuickReplyView } from "./quick-reply-view.ts";
import type { CreateQuickReplyInput } from "./schemas.ts";
import { MAX_QUICK_REPLIES } from "./template.ts";

/** Adds a quick reply at the end of the company's list (at most MAX_QUICK_REPLIES). */
export async function createQuickReply(
  db: PrismaClient,
  actor: Actor,
  { text }: CreateQuickReplyInput,
): Promise<{ reply: QuickReplyView; replies: QuickReplyView[] }> {
  return editQuickReplies(db, actor, async (tx, companyId) => {
    const count = await tx.quickReply.count({ where: { companyId } });
    if (count >= MAX_QUICK_REPLIES) {
      throw new AppError(
        "conflict",
        `A company can keep at most ${MAX_QUICK_REPLIES} quick replies. Delete one you don't use first.`,
      );
    }
    const row = await tx.quickReply.create({
      data: { companyId, text, position: count },
      select: { id: true, text: true, position: true, updatedAt: true },
    });
    return { reply: toQuickReplyView(row), replies: await readQuickReplies(tx, companyId) };
  });
}
