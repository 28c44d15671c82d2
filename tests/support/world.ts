// A small world for tests: company A with a dispatcher, an assigned and an
// unassigned technician, a homeowner with a job; company B with a dispatcher.
import { encode } from "next-auth/jwt";
import { openAccessLink } from "../../lib/auth/access-links.ts";
import type { Actor } from "../../lib/auth/actor.ts";
import { HOMEOWNER_COOKIE, parseCookieHeader } from "../../lib/auth/cookies.ts";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { createStaffSession } from "../../lib/auth/staff-sessions.ts";
import { getDb } from "../../lib/db.ts";
import {
  createAccessLink,
  createCompany,
  createCustomer,
  createJob,
  createStaff,
} from "../../prisma/seed/factories.ts";

export const STAFF_COOKIE = "next-auth.session-token";

/** A real next-auth session cookie, as signing in would set it. */
export async function staffCookie(userId: string, email = "x@example.test"): Promise<string> {
  const session = await createStaffSession(getDb(), userId);
  const jwt = await encode({
    token: { sub: userId, email, sid: session.id },
    secret: process.env.NEXTAUTH_SECRET as string,
  });
  return `${STAFF_COOKIE}=${jwt}`;
}

/** What opening the job's link leaves in the homeowner's browser. */
export async function homeownerCookie(jobId: string): Promise<string> {
  const link = await createAccessLink(getDb(), jobId, 30);
  const opened = await openAccessLink(getDb(), link.token);
  return `${HOMEOWNER_COOKIE}=${opened.sessionToken}`;
}

export async function actorFor(cookie: string): Promise<Actor> {
  const actor = await resolveActor(getDb(), parseCookieHeader(cookie));
  if (!actor) throw new Error("cookie resolves to no one");
  return actor;
}

export type Person = { cookie: string; actor: Actor; id: string; name: string };

async function staffPerson(companyId: string, role: "DISPATCHER" | "TECHNICIAN", name: string): Promise<Person> {
  const user = await createStaff(getDb(), { companyId, role, name });
  const cookie = await staffCookie(user.id, user.email);
  return { cookie, actor: await actorFor(cookie), id: user.id, name };
}

export async function buildWorld() {
  const db = getDb();
  const company = await createCompany(db, { name: "Acme Heating" });
  const other = await createCompany(db, { name: "Other Co" });
  const dispatcher = await staffPerson(company.id, "DISPATCHER", "Dana Dispatch");
  const technician = await staffPerson(company.id, "TECHNICIAN", "Sam Tech");
  const otherTechnician = await staffPerson(company.id, "TECHNICIAN", "Riley Tech");
  const foreignDispatcher = await staffPerson(other.id, "DISPATCHER", "Casey Foreign");
  const customer = await createCustomer(db, { companyId: company.id, name: "Jordan Home" });
  const job = await createJob(db, { companyId: company.id, customerId: customer.id, technicianId: technician.id });
  const cookie = await homeownerCookie(job.id);
  const homeowner: Person = { cookie, actor: await actorFor(cookie), id: customer.id, name: customer.name };
  return { company, other, dispatcher, technician, otherTechnician, foreignDispatcher, customer, job, homeowner };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
