import type { Db } from "../db.ts";
import type { Role } from "../generated/prisma/enums.ts";
import type { Actor } from "./actor.ts";
import { canEditBio, canResetPassword, isManager } from "./policy.ts";

export type TeamMember = {
  id: string;
  name: string;
  email: string;
  role: Role;
  bio: string;
  canReset: boolean;
  canEditBio: boolean;
};

/** The staff of the actor's company, for the office (nobody else sees the list). */
export async function listTeam(db: Db, actor: Actor): Promise<TeamMember[]> {
  if (!isManager(actor)) return [];
  const members = await db.membership.findMany({
    where: { companyId: actor.companyId },
    select: { role: true, user: { select: { id: true, name: true, email: true, bio: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return members.map(({ role, user }) => ({
    ...user,
    role,
    canReset: canResetPassword(actor, role),
    canEditBio: canEditBio(actor, { id: user.id, role }),
  }));
}
