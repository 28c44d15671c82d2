// What every change to a company's list shares: the office-only check, one
// change at a time per company, and a list numbered 0, 1, 2 … afterwards.
import type { Actor } from "../auth/actor.ts";
import { canEditQuickReplies } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { readQuickReplies } from "./list-quick-replies.ts";
import type { QuickReplyView } from "./quick-reply-view.ts";

/** The first key of the advisory lock that orders changes to one company's list (the second: the company). */
const LOCK_NAMESPACE = 718_301;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Runs `change` in a transaction that holds the company's list lock: two
 * dispatchers adding at once can't pass the limit together, and a move reads
 * the order no one else is changing. Staff who may not edit get `forbidden`
 * (they can see the list, so it is no secret that it exists).
 */
export async function editQuickReplies<T>(
  db: PrismaClient,
  actor: Actor,
  change: (tx: Tx, companyId: string) => Promise<T>,
): Promise<T> {
  if (actor.kind !== "staff") throw new AppError("not_found", "We couldn't find that quick reply.");
  if (!canEditQuickReplies(actor)) throw new AppError("forbidden", "Only the office can change the quick replies.");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${actor.companyId}))`;
    return change(tx, actor.companyId);
  });
}

/** Writes the order given (ids, first to last) as positions 0, 1, 2 … and reads the list back. */
export async function renumber(db: Db, companyId: string, ids: string[]): Promise<QuickReplyView[]> {
  const current = await db.quickReply.findMany({ where: { companyId }, select: { id: true, position: true } });
  const positionOf = new Map(current.map((row) => [row.id, row.position]));
  for (const [position, id] of ids.entries()) {
    if (positionOf.get(id) !== position) await db.quickReply.update({ where: { id }, data: { position } });
  }
  return readQuickReplies(db, companyId);
}
