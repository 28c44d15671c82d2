import type { Actor } from "../auth/actor.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { editQuickReplies, renumber } from "./edit-quick-replies.ts";
import { quickRepliesNotFound, readQuickReplies } from "./list-quick-replies.ts";
import type { QuickReplyView } from "./quick-reply-view.ts";
import type { UpdateQuickReplyInput } from "./schemas.ts";

/**
 * Changes a quick reply's words, its place in the list, or both. A position
 * past the end means last. Another company's id is the same 404 as an unknown one.
 */
export async function updateQuickReply(
  db: PrismaClient,
  actor: Actor,
  id: string,
  { text, position }: UpdateQuickReplyInput,
): Promise<{ reply: QuickReplyView; replies: QuickReplyView[] }> {
  return editQuickReplies(db, actor, async (tx, companyId) => {
    const found = await tx.quickReply.findFirst({ where: { id, companyId }, select: { id: true } });
    if (!found) throw quickRepliesNotFound();
    if (text !== undefined) await tx.quickReply.update({ where: { id }, data: { text } });
    let replies = await readQuickReplies(tx, companyId);
    if (position !== undefined) {
      const others = replies.map((reply) => reply.id).filter((other) => other !== id);
      others.splice(Math.min(position, others.length), 0, id);
      replies = await renumber(tx, companyId, others);
    }
    const reply = replies.find((each) => each.id === id);
    if (!reply) throw quickRepliesNotFound();
    return { reply, replies };
  });
}
