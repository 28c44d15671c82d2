import type { Actor } from "../auth/actor.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { editQuickReplies, renumber } from "./edit-quick-replies.ts";
import { quickRepliesNotFound, readQuickReplies } from "./list-quick-replies.ts";
import type { QuickReplyView } from "./quick-reply-view.ts";

/** Removes a quick reply; the ones after it move up. Another company's id is the same 404. */
export async function deleteQuickReply(
  db: PrismaClient,
  actor: Actor,
  id: string,
): Promise<{ replies: QuickReplyView[] }> {
  return editQuickReplies(db, actor, async (tx, companyId) => {
    const { count } = await tx.quickReply.deleteMany({ where: { id, companyId } });
    if (count === 0) throw quickRepliesNotFound();
    const rest = await readQuickReplies(tx, companyId);
    return {
      replies: await renumber(
        tx,
        companyId,
        rest.map((reply) => reply.id),
      ),
    };
  });
}
