import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db.ts";
import { AppError } from "../errors.ts";
import { idSchema } from "../ids.ts";
import { getVisibleJob } from "../jobs/get-visible-job.ts";
import type { Actor, StaffActor } from "./actor.ts";
import type { CookieReader } from "./cookies.ts";
import { isManager } from "./policy.ts";
import { resolveActor } from "./resolve-actor.ts";
import { signedOutPath } from "./signed-out-path.ts";

/** For server components: the actor behind this request's cookies, resolved once per request. */
export const currentActor = cache(async (): Promise<Actor | null> => resolveActor(getDb(), await pageCookies()));

async function pageCookies(): Promise<CookieReader> {
  const store = await cookies();
  return { get: (name) => store.get(name)?.value };
}

/** The actor, or off to the page that says how to get back in (lib/auth/signed-out-path.ts). */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(signedOutPath(await pageCookies()));
  return actor;
}

/**
 * For the office's pages (the board, new job, team, quick replies): a
 * dispatcher or admin, by lib/auth/policy.ts's rule for the page (`may`).
 * Anyone else goes where they belong: a homeowner to their job, a technician
 * to their list, nobody to sign in.
 */
export async function requireOfficePage(may: (actor: Actor) => boolean = isManager): Promise<StaffActor> {
  const actor = await requirePageActor();
  if (actor.kind !== "staff") redirect(`/jobs/${actor.jobId}`);
  if (!may(actor)) redirect("/tech");
  return actor;
}

export async function companyOf(actor: Actor) {
  return getDb().company.findUniqueOrThrow({
    where: { id: actor.companyId },
    select: { name: true, timeZone: true, slug: true, phone: true, email: true },
  });
}

/**
 * For pages under /jobs/[id]: the actor and the job they may see, or the 404
 * page (unknown and forbidden alike). Once per request, however many layouts
 * and pages ask.
 */
export const requireVisibleJob = cache(async (id: string) => {
  const actor = await requirePageActor();
  const jobId = idSchema.safeParse(id);
  if (!jobId.success) notFound();
  const job = await getVisibleJob(getDb(), actor, jobId.data).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return { actor, job };
});
