import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { disconnectRoom } from "../realtime/broadcast.ts";
import { rooms } from "../realtime/events.ts";
import { hashPassword } from "./passwords.ts";
import type { PasswordResetInput } from "./schemas.ts";
import { hashToken } from "./tokens.ts";

const unusable = () =>
  new AppError(
    "link_expired",
    "This reset link has expired or was already used. Ask your dispatcher or admin for a new one.",
  );

/** The reset link behind a token, if it can still be used, with whose password it sets. */
export async function findUsableReset(db: Db, token: string) {
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, expiresAt: true, usedAt: true, user: { select: { name: true, email: true } } },
  });
  if (!reset) throw new AppError("not_found", "This reset link is not valid.");
  if (reset.usedAt || reset.expiresAt <= new Date()) throw unusable();
  return reset;
}

/**
 * Sets the new password, spends the link and ends every session of the member
 * (a lost phone stays signed in no longer), sockets included after commit.
 * Spending is one conditional update, so a link used twice at once works once.
 */
export async function resetPassword(db: PrismaClient, { token, password }: PasswordResetInput) {
  const reset = await findUsableReset(db, token);
  const passwordHash = await hashPassword(password);
  const now = new Date();
  const ended = await db.$transaction(async (tx) => {
    const spent = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count !== 1) throw unusable();
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    const sessions = await tx.staffSession.findMany({
      where: { userId: reset.userId, revokedAt: null },
      select: { id: true },
    });
    await tx.staffSession.updateMany({ where: { userId: reset.userId, revokedAt: null }, data: { revokedAt: now } });
    return sessions.map((session) => session.id);
  });
  for (const sessionId of ended) disconnectRoom(rooms.session(sessionId));
  return { userId: reset.userId, email: reset.user.email };
}
