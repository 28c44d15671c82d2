// Seeds the bench world fast: thousands of jobs with createMany in chunks
// instead of the factories' one-row-at-a-time inserts. The rows are the ones
// prisma/seed/factories.ts and tests/support/world.ts make (createCompany,
// createStaff, createCustomer, createJob, createAccessLink + openAccessLink,
// createStaffSession + next-auth's encode), only written in bulk.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { HOMEOWNER_COOKIE } from "../../lib/auth/cookies.ts";
import { hashPassword } from "../../lib/auth/passwords.ts";
import { STAFF_SESSION_DAYS } from "../../lib/auth/staff-sessions.ts";
import { hashToken, newToken } from "../../lib/auth/tokens.ts";
import type { PrismaClient } from "../../lib/generated/prisma/client.ts";
import {
  DISPATCHERS_PER_COMPANY,
  JOBS_PER_TECHNICIAN,
  type SocketPlan,
  type World,
  type WorldJob,
  type WorldShape,
} from "../world.ts";

const STAFF_COOKIE = "next-auth.session-token";
const DAY = 24 * 60 * 60 * 1000;
const LINK_TTL_DAYS = 30;
const CHUNK = 1000;

type Staff = { id: string; email: string; name: string; companyId: string; role: "DISPATCHER" | "TECHNICIAN" };
type Rows = {
  companies: { id: string; name: string; slug: string; timeZone: string; nextJobNumber: number }[];
  users: { id: string; email: string; name: string; passwordHash: string }[];
  memberships: { userId: string; companyId: string; role: "DISPATCHER" | "TECHNICIAN" }[];
  staffSessions: { id: string; userId: string; expiresAt: Date }[];
  customers: { id: string; companyId: string; name: string; phone: null; email: null; address: string }[];
  jobs: {
    id: string;
    companyId: string;
    customerId: string;
    number: number;
    technicianId: string;
    status: "SCHEDULED";
    title: string;
    description: string;
  }[];
  accessLinks: { id: string; jobId: string; tokenHash: string; expiresAt: Date }[];
  homeownerSessions: { accessLinkId: string; tokenHash: string; createdAt: Date; lastSeenAt: Date }[];
};

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) await write(rows.slice(start, start + CHUNK));
}

function newStaff(rows: Rows, passwordHash: string, companyId: string, role: Staff["role"], name: string): Staff {
  const id = randomUUID();
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`;
  rows.users.push({ id, email, name, passwordHash });
  rows.memberships.push({ userId: id, companyId, role });
  return { id, email, name, companyId, role };
}

export async function seedWorld(db: PrismaClient, shape: WorldShape, secret: string): Promise<World> {
  const passwordHash = await hashPassword("correct horse battery");
  const rows: Rows = {
    companies: [],
    users: [],
    memberships: [],
    staffSessions: [],
    customers: [],
    jobs: [],
    accessLinks: [],
    homeownerSessions: [],
  };
  const cookies = new Map<string, string>();
  const staffCookie = async (person: Staff) => {
    const known = cookies.get(person.id);
    if (known) return known;
    const sid = randomUUID();
    rows.staffSessions.push({ id: sid, userId: person.id, expiresAt: new Date(Date.now() + STAFF_SESSION_DAYS * DAY) });
    const jwt = await encode({ token: { sub: person.id, email: person.email, sid }, secret });
    const cookie = `${STAFF_COOKIE}=${jwt}`;
    cookies.set(person.id, cookie);
    return cookie;
  };

  const world: World = { jobs: [], sockets: [] };
  const add = (plan: SocketPlan) => world.sockets.push(plan) - 1;
  for (let c = 0; c < shape.companies; c++) {
    const jobCount = Math.floor(shape.jobs / shape.companies) + (c < shape.jobs % shape.companies ? 1 : 0);
    const companyId = randomUUID();
    rows.companies.push({
      id: companyId,
      name: `Bench Company ${c + 1}`,
      slug: `company-${randomUUID().slice(0, 8)}`,
      timeZone: "America/New_York",
      nextJobNumber: 1001 + jobCount,
    });
    const dispatchers = Array.from({ length: DISPATCHERS_PER_COMPANY }, (_, k) =>
      newStaff(rows, passwordHash, companyId, "DISPATCHER", `Dispatcher ${c + 1}.${k + 1}`),
    );
    const technicians = Array.from({ length: Math.ceil(jobCount / JOBS_PER_TECHNICIAN) }, (_, k) =>
      newStaff(rows, passwordHash, companyId, "TECHNICIAN", `Technician ${c + 1}.${k + 1}`),
    );
    for (let b = 0; b < shape.boardsPerCompany; b++) {
      const dispatcher = dispatchers[b % dispatchers.length]!;
      add({
        cookie: await staffCookie(dispatcher),
        identity: { role: "DISPATCHER", name: dispatcher.name, companyId, jobId: null },
        joins: null,
      });
    }
    for (let k = 0; k < jobCount; k++) {
      const technician = technicians[Math.floor(k / JOBS_PER_TECHNICIAN)]!;
      const job = newJob(rows, companyId, k, technician.id);
      const dispatcher = dispatchers[k % dispatchers.length]!;
      const entry: WorldJob = { id: job.id, companyId, sockets: [] };
      entry.sockets.push(
        add({
          cookie: `${HOMEOWNER_COOKIE}=${job.sessionToken}`,
          identity: { role: "HOMEOWNER", name: job.customerName, companyId, jobId: job.id },
          joins: job.id,
        }),
        add({
          cookie: await staffCookie(technician),
          identity: { role: "TECHNICIAN", name: technician.name, companyId, jobId: null },
          joins: job.id,
        }),
        add({
          cookie: await staffCookie(dispatcher),
          identity: { role: "DISPATCHER", name: dispatcher.name, companyId, jobId: null },
          joins: job.id,
        }),
      );
      world.jobs.push(entry);
    }
  }
  await write(db, rows);
  return world;
}

/** A job as createJob makes it, with its customer, a link and the session opening that link leaves. */
function newJob(rows: Rows, companyId: string, index: number, technicianId: string) {
  const customerId = randomUUID();
  const customerName = `Homeowner ${rows.customers.length + 1}`;
  rows.customers.push({
    id: customerId,
    companyId,
    name: customerName,
    phone: null,
    email: null,
    address: "1 Main St",
  });
  const id = randomUUID();
  rows.jobs.push({
    id,
    companyId,
    customerId,
    number: 1001 + index,
    technicianId,
    status: "SCHEDULED",
    title: "Leaking kitchen faucet",
    description: "",
  });
  const accessLinkId = randomUUID();
  rows.accessLinks.push({
    id: accessLinkId,
    jobId: id,
    tokenHash: hashToken(newToken()),
    expiresAt: new Date(Date.now() + LINK_TTL_DAYS * DAY),
  });
  const sessionToken = newToken();
  // Opened a minute ago and its page already loaded (lastSeenAt past createdAt), as a
  // phone's is by its first socket: a handshake then touches nothing, as in use.
  const openedAt = new Date(Date.now() - 60_000);
  rows.homeownerSessions.push({
    accessLinkId,
    tokenHash: hashToken(sessionToken),
    createdAt: openedAt,
    lastSeenAt: new Date(openedAt.getTime() + 1000),
  });
  return { id, customerName, sessionToken };
}

async function write(db: PrismaClient, rows: Rows) {
  await inChunks(rows.companies, (data) => db.company.createMany({ data }));
  await inChunks(rows.users, (data) => db.user.createMany({ data }));
  await inChunks(rows.memberships, (data) => db.membership.createMany({ data }));
  await inChunks(rows.staffSessions, (data) => db.staffSession.createMany({ data }));
  await inChunks(rows.customers, (data) => db.customer.createMany({ data }));
  await inChunks(rows.jobs, (data) => db.job.createMany({ data }));
  await inChunks(rows.accessLinks, (data) => db.accessLink.createMany({ data }));
  await inChunks(rows.homeownerSessions, (data) => db.homeownerSession.createMany({ data }));
}
