import type { ParticipantRole, Role } from "../generated/prisma/enums.ts";

/** A signed-in staff member, resolved from their next-auth session. */
export type StaffActor = {
  kind: "staff";
  userId: string;
  companyId: string;
  role: Role;
  name: string;
  sessionId: string;
  /** When this sign-in stops counting; open sockets are closed then. */
  expiresAt: Date;
};

/** A homeowner who came in through their job's link. */
export type HomeownerActor = {
  kind: "homeowner";
  jobId: string;
  customerId: string;
  companyId: string;
  name: string;
  sessionId: string;
  accessLinkId: string;
  /** The link's expiry: the homeowner session ends with it. */
  expiresAt: Date;
};

export type Actor = StaffActor | HomeownerActor;

export const ROLE_LABEL = {
  HOMEOWNER: "Homeowner",
  TECHNICIAN: "Technician",
  DISPATCHER: "Dispatcher",
} as const;

/** The part an actor plays in a job's thread. */
export function participantRoleOf(actor: Actor): ParticipantRole {
  if (actor.kind === "homeowner") return "HOMEOWNER";
  return actor.role === "TECHNICIAN" ? "TECHNICIAN" : "DISPATCHER";
}
