import type { Actor } from "../auth/actor.ts";
import { canEditBio } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { BioInput } from "./schemas.ts";

/**
 * Sets the short bio homeowners read on a technician's card. Jobs pick it up
 * with their next change (it travels with the job's technician).
 */
export async function updateBio(db: Db, actor: Actor, userId: string, { bio }: BioInput): Promise<{ bio: string }> {
  const member = await db.membership.findFirst({
    where: { userId, companyId: actor.companyId },
    select: { role: true },
  });
  if (!member || actor.kind !== "staff") throw new AppError("not_found", "We couldn't find that staff member.");
  if (!canEditBio(actor, { id: userId, role: member.role })) {
    throw new AppError("forbidden", "Only the person or the office can change a technician's bio.");
  }
  await db.user.update({ where: { id: userId }, data: { bio } });
  return { bio };
}
