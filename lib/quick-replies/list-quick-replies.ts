import type { Actor } from "../auth/actor.ts";
import { canUseQuickReplies } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { type QuickReplyList, type QuickReplyView, quickReplySelect, toQuickReplyView } from "./quick-reply-view.ts";

export const quickRepliesNotFound = () => new AppError("not_found", "We couldn't find that quick reply.");

/** The company's quick replies in order (oldest first among equals). */
export async function readQuickReplies(db: Db, companyId: string): Promise<QuickReplyView[]> {
  const rows = await db.quickReply.findMany({
    where: { companyId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: quickReplySelect,
  });
  return rows.map(toQuickReplyView);
}

/** For the staff of a company (a homeowner gets the same 404 as a stranger). */
export async function listQuickReplies(db: Db, actor: Actor): Promise<QuickReplyList> {
  if (!canUseQuickReplies(actor)) throw quickRepliesNotFound();
  const [company, replies] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: actor.companyId }, select: { name: true } }),
    readQuickReplies(db, actor.companyId),
  ]);
  return { company: company.name, replies };
}
