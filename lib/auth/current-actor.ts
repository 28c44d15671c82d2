import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db.ts";
import type { Actor } from "./actor.ts";
import { resolveActor } from "./resolve-actor.ts";

/** For server components: the actor behind this request's cookies, resolved once per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const store = await cookies();
  return resolveActor(getDb(), { get: (name) => store.get(name)?.value });
});

export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  return actor;
}

export async function companyOf(actor: Actor) {
  return getDb().company.findUniqueOrThrow({
    where: { id: actor.companyId },
    select: { name: true, timeZone: true },
  });
}
