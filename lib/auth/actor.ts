import type { Role } from "../generated/prisma/enums.ts";

/** A signed-in staff member, resolved from their next-auth session. */
export type StaffActor = {
  kind: "staff";
  userId: string;
  companyId: string;
  role: Role;
  name: string;
  sessionId: string;
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
};

export type Actor = StaffActor | HomeownerActor;

export const ROLE_LABEL = {
  HOMEOWNER: "Homeowner",
  TECHNICIAN: "Technician",
  DISPATCHER: "Dispatcher",
} as const;
