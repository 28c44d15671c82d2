// The one access policy. Every door (page, route handler, socket event) asks
// these questions and nothing else; see the access table in design.md.
import type { JobStatus, Role, Visibility } from "../generated/prisma/enums.ts";
import type { Actor } from "./actor.ts";

export type JobFacts = { id: string; companyId: string; technicianId: string | null; status: JobStatus };

export const isManager = (actor: Actor) =>
  actor.kind === "staff" && (actor.role === "DISPATCHER" || actor.role === "ADMIN");

/**
 * Which job with this id the actor may see, as the database checks it in the
 * same statement that writes (trio_append_entry, trio_mark_read): the job's
 * company and, for a technician, the one it is assigned to. Null: none.
 */
export type JobScope = { companyId: string; technicianId: string | null };

export function jobScope(actor: Actor, jobId: string): JobScope | null {
  if (actor.kind === "homeowner") {
    return actor.jobId === jobId ? { companyId: actor.companyId, technicianId: null } : null;
  }
  return { companyId: actor.companyId, technicianId: isManager(actor) ? null : actor.userId };
}

/** Seeing a job is the gate for everything else; the rest is 404. */
export function canSeeJob(actor: Actor, job: JobFacts): boolean {
  const scope = jobScope(actor, job.id);
  if (!scope || scope.companyId !== job.companyId) return false;
  return scope.technicianId === null || scope.technicianId === job.technicianId;
}

export function visibleTo(actor: Actor): Visibility[] {
  return actor.kind === "staff" ? ["EVERYONE", "STAFF"] : ["EVERYONE"];
}

/** A thread entry (a photo's bytes) is seen by whoever sees its job and its visibility. */
export function canSeeEntry(actor: Actor, job: JobFacts, visibility: Visibility): boolean {
  return canSeeJob(actor, job) && visibleTo(actor).includes(visibility);
}

export function canPost(actor: Actor, job: JobFacts, visibility: Visibility): boolean {
  return canSeeJob(actor, job) && visibleTo(actor).includes(visibility);
}

export function canChangeStatus(actor: Actor, job: JobFacts, to: JobStatus): boolean {
  if (actor.kind !== "staff" || !canSeeJob(actor, job)) return false;
  // Technicians move their own jobs along; canceling is the office's call.
  return isManager(actor) || to !== "CANCELED";
}

/** Taking a status step back (a mistaken "Job complete") is the office's call. */
export function canStepBack(actor: Actor, job: JobFacts): boolean {
  return isManager(actor) && canSeeJob(actor, job);
}

/** Arrival windows are promises the office makes. */
export function canSchedule(actor: Actor, job: JobFacts): boolean {
  return isManager(actor) && canSeeJob(actor, job);
}

export function canAssign(actor: Actor, job: JobFacts): boolean {
  return isManager(actor) && canSeeJob(actor, job);
}

/** Opening a job (a request taken by phone) and looking up customers is the office's job. */
export const canCreateJob = (actor: Actor) => isManager(actor);

/** Giving out and turning off homeowner links is the office's job. */
export function canManageLinks(actor: Actor, job: JobFacts): boolean {
  return isManager(actor) && canSeeJob(actor, job);
}

/**
 * Rating a job is its homeowner's alone: staff see ratings but never give them.
 * (A job the actor can't see is a 404 before this is asked.)
 */
export function canRate(actor: Actor, job: JobFacts & { customerId: string }): boolean {
  return actor.kind === "homeowner" && canSeeJob(actor, job) && actor.customerId === job.customerId;
}

/**
 * Who may make a password reset link for a member of their own company: an
 * admin for anyone, a dispatcher for technicians only (a link is the account,
 * so nobody gets one for a role above their own or beside it).
 */
export function canResetPassword(actor: Actor, memberRole: Role): boolean {
  if (actor.kind !== "staff") return false;
  return actor.role === "ADMIN" || (actor.role === "DISPATCHER" && memberRole === "TECHNICIAN");
}

/** Who may change the bio homeowners read: the person themself, the office for technicians, an admin for anyone. */
export function canEditBio(actor: Actor, member: { id: string; role: Role }): boolean {
  if (actor.kind !== "staff") return false;
  if (actor.userId === member.id || actor.role === "ADMIN") return true;
  return actor.role === "DISPATCHER" && member.role === "TECHNICIAN";
}

/** A company's quick replies: every staff member of it may use them; homeowners never see them. */
export const canUseQuickReplies = (actor: Actor) => actor.kind === "staff";

/** Keeping the list (words, order) is the office's job. */
export const canEditQuickReplies = (actor: Actor) => isManager(actor);

/** The jobs an actor may see in lists, as a Prisma filter. */
export function jobListFilter(actor: Actor) {
  if (actor.kind === "homeowner") return { id: actor.jobId };
  if (isManager(actor)) return { companyId: actor.companyId };
  return { companyId: actor.companyId, technicianId: actor.userId };
}
