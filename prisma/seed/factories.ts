// Builders for companies, people and jobs, shared by the demo seed and tests.
import { randomUUID } from "node:crypto";
import { createAccessLink } from "../../lib/auth/access-links.ts";
import { hashPassword } from "../../lib/auth/passwords.ts";
import type { Db } from "../../lib/db.ts";
import type { JobStatus, Role } from "../../lib/generated/prisma/enums.ts";

export async function createCompany(
  db: Db,
  data: { name?: string; slug?: string; timeZone?: string; phone?: string; email?: string } = {},
) {
  const slug = data.slug ?? `company-${randomUUID().slice(0, 8)}`;
  return db.company.create({
    data: {
      name: data.name ?? "Test Company",
      slug,
      timeZone: data.timeZone ?? "America/New_York",
      phone: data.phone ?? null,
      email: data.email ?? null,
    },
  });
}

/** A company's quick replies, in the order given (lib/quick-replies/). */
export async function createQuickReplies(db: Db, companyId: string, texts: readonly string[]) {
  await db.quickReply.createMany({ data: texts.map((text, position) => ({ companyId, text, position })) });
}

// Hashing is deliberately slow; tests share one hash per password.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password) as Promise<string>;
};

export async function createStaff(
  db: Db,
  data: { companyId: string; role: Role; name?: string; email?: string; password?: string; bio?: string },
) {
  const email = (data.email ?? `${data.role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`).toLowerCase();
  return db.user.create({
    data: {
      email,
      name: data.name ?? `${data.role[0]}${data.role.slice(1).toLowerCase()} ${email.slice(0, 4)}`,
      passwordHash: await hashOnce(data.password ?? "correct horse battery"),
      bio: data.bio ?? "",
      memberships: { create: { companyId: data.companyId, role: data.role } },
    },
    select: { id: true, email: true, name: true },
  });
}

export async function createCustomer(
  db: Db,
  data: { companyId: string; name?: string; phone?: string; email?: string; address?: string },
) {
  return db.customer.create({
    data: {
      companyId: data.companyId,
      name: data.name ?? "Pat Homeowner",
      phone: data.phone ?? null,
      email: data.email ?? null,
      address: data.address ?? "1 Main St",
    },
  });
}

/** A job numbered from its company's counter (taken in the same statement). */
export async function createJob(
  db: Db,
  data: {
    companyId: string;
    customerId: string;
    technicianId?: string | null;
    status?: JobStatus;
    title?: string;
    description?: string;
    windowStart?: Date;
    windowEnd?: Date;
  },
) {
  const { nextJobNumber } = await db.company.update({
    where: { id: data.companyId },
    data: { nextJobNumber: { increment: 1 } },
    select: { nextJobNumber: true },
  });
  return db.job.create({
    data: {
      companyId: data.companyId,
      customerId: data.customerId,
      number: nextJobNumber - 1,
      technicianId: data.technicianId ?? null,
      // Made with its technician: as if the homeowner had been told who is coming.
      announcedTechnicianId: data.technicianId ?? null,
      status: data.status ?? (data.technicianId ? "SCHEDULED" : "REQUESTED"),
      title: data.title ?? "Leaking kitchen faucet",
      description: data.description ?? "",
      windowStart: data.windowStart ?? null,
      windowEnd: data.windowEnd ?? null,
    },
  });
}

export { createAccessLink };
