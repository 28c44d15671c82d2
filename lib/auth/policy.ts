// The one access policy. Every door (page, route handler, socket event) asks
// these questions and nothing else; see the access table in design.md.
import type { JobStatus, Visibility } from "../generated/prisma/enums.ts";
import type { Actor } from "./actor.ts";

export type JobFacts = { id: string; companyId: string; technicianId: string | null; status: JobStatus };

export const isManager = (actor: Actor) =>
  actor.kind === "staff" && (actor.role === "DISPATCHER" || actor.role === "ADMIN");

/** Seeing a job is the gate for everything else; the rest is 404. */
export function canSeeJob(actor: Actor, job: JobFacts): boolean {
  if (actor.kind === "homeowner") return actor.jobId === job.id;
  if (actor.companyId !== job.companyId) return false;
  return isManager(actor) || job.technicianId === actor.userId;
}

export function visibleTo(actor: Actor): Visibility[] {
  return actor.kind === "staff" ? ["EVERYONE", "STAFF"] : ["EVERYONE"];
}

export function canPost(actor: Actor, job: JobFacts, visibility: Visibility): boolean {
  return canSeeJob(actor, job) && visibleTo(actor).includes(visibility);
}

export function canChangeStatus(actor: Actor, job: JobFacts, to: JobStatus): boolean {
  if (actor.kind !== "staff" || !canSeeJob(actor, job)) return false;
  // Technicians move their own jobs along; canceling is the office's call.
  return isManager(actor) || to !== "CANCELED";
}

export function canAssign(actor: Actor, job: JobFacts): boolean {
  return isManager(actor) && canSeeJob(actor, job);
}

/** Giving out and turning off homeowner links is the office's job. */
export function canManageLinks(actor: Actor, job: JobFacts): boolean {
  return isManager(actor) && canSeeJob(actor, job);
}

/** The jobs an actor may see in lists, as a Prisma filter. */
export function jobListFilter(actor: Actor) {
  if (actor.kind === "homeowner") return { id: actor.jobId };
  if (isManager(actor)) return { companyId: actor.companyId };
  return { companyId: actor.companyId, technicianId: actor.userId };
}
