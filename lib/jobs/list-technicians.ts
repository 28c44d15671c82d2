import type { Actor } from "../auth/actor.ts";
import { isManager } from "../auth/policy.ts";
import type { Db } from "../db.ts";

export type TechnicianOption = { id: string; name: string };

/** The technicians a dispatcher can give a job to (none for anyone else). */
export async function listTechnicians(db: Db, actor: Actor): Promise<TechnicianOption[]> {
  if (!isManager(actor)) return [];
  const members = await db.membership.findMany({
    where: { companyId: actor.companyId, role: "TECHNICIAN" },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return members.map((member) => member.user);
}
