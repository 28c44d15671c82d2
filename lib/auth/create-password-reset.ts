import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { Actor } from "./actor.ts";
import { canResetPassword } from "./policy.ts";
import { hashToken, newToken } from "./tokens.ts";

export const PASSWORD_RESET_HOURS = 24;

/**
 * A one-time link that lets a staff member of the actor's company choose a new
 * password (until email exists, the office hands it over). The raw token is in
 * the answer once and never stored; a new link makes the member's older unused
 * ones expire.
 */
export async function createPasswordReset(db: Db, actor: Actor, userId: string) {
  if (actor.kind !== "staff") throw new AppError("forbidden", "Only an admin can reset a password.");
  const memberships = await db.membership.findMany({ where: { userId }, select: { role: true, companyId: true } });
  const membership = memberships.find((m) => m.companyId === actor.companyId);
  if (!membership) throw new AppError("not_found", "We couldn't find that staff member.");
  if (!canResetPassword(actor, membership.role)) {
    throw new AppError("forbidden", "Only an admin can reset this person's password.");
  }
  // A password opens every company the person works for, not only this one.
  if (memberships.length > 1) {
    throw new AppError("forbidden", "This person also works for another company: only Trio's operator can reset it.");
  }
  const now = new Date();
  const token = newToken();
  await db.passwordReset.updateMany({
    where: { userId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const reset = await db.passwordReset.create({
    data: {
      userId,
      createdById: actor.userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_HOURS * 60 * 60 * 1000),
    },
    select: { id: true, expiresAt: true },
  });
  return { id: reset.id, expiresAt: reset.expiresAt.toISOString(), path: `/reset/${token}` };
}
