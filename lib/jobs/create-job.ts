import { createAccessLink } from "../auth/access-links.ts";
import { type CustomerContact, findOrCreateCustomer } from "../customers/find-or-create-customer.ts";
import { AppError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { JobStatus } from "../generated/prisma/enums.ts";
import { queueHomeownerLink } from "../notifications/queue-homeowner-link.ts";
import { type JobRow, jobSummarySelect } from "./job-view.ts";

export const MAX_TITLE_LENGTH = 80;
/** The first entry's idempotency key: written by Trio itself, once per job. */
export const FIRST_ENTRY_CLIENT_ID = "server:system:1";

export type NewJob = {
  companyId: string;
  /** A customer of this company by id, or who to find by phone or email (or add). */
  customer: { id: string } | CustomerContact;
  problem: string;
  address: string | null;
  preferredTimes?: string;
  technicianId?: string | null;
  window?: { start: Date; end: Date } | null;
  status: JobStatus;
  /**
   * The homeowner is waiting for the office's first answer (a request from the
   * public form): the board counts the wait from now, as for any homeowner entry.
   */
  awaitingReply: boolean;
  /** From the public request form: the phone and email are the requester's word (Job.requestedOnline). */
  requestedOnline?: boolean;
  /** The thread's first entry (a SYSTEM entry everyone sees), from the customer's name. */
  firstEntry: (customerName: string) => string;
  linkTtlDays: number;
  /**
   * The same request again (same customer, address and problem text) within
   * this many ms is the job made the first time: a double tap or a resend
   * after a lost answer opens one job, not two. It lets the sender into that
   * thread, so everything they typed must match, not just a phone number.
   */
  sameRequestWithinMs?: number;
};

export type CreatedJob = {
  job: JobRow;
  /** A fresh homeowner link to this job: its token is shown once and never stored. */
  link: { token: string; path: string; expiresAt: Date };
  /** True when an earlier identical request's job was found instead (nothing new in its thread). */
  repeated: boolean;
};

/** "Water heater leaking" from the problem's first line, shortened at a word. */
export function titleOf(problem: string): string {
  const line = (problem.split("\n").find((part) => part.trim() !== "") ?? problem).trim();
  const chars = [...line];
  if (chars.length <= MAX_TITLE_LENGTH) return line;
  const cut = chars.slice(0, MAX_TITLE_LENGTH - 1).join("");
  const atWord = cut.replace(/\s+\S*$/, "");
  return `${atWord.length > MAX_TITLE_LENGTH / 2 ? atWord : cut}…`;
}

/**
 * Opens a job: its number from the company's counter, the customer (found or
 * added), the job, the homeowner in its thread, the first entry (seq 1) and a
 * homeowner link, in one transaction. Both doors use it: the public request
 * form and a dispatcher taking a call. The company's row is locked first, so
 * two identical requests at once are checked one after the other (job
 * creation is rare; the hot path never takes this lock).
 */
export async function createJob(db: PrismaClient, input: NewJob): Promise<CreatedJob> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Company" WHERE "id" = ${input.companyId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", "We couldn't find that company.");

    const customer = await resolveCustomer(tx, input);
    if (input.sameRequestWithinMs) {
      const earlier = await tx.job.findFirst({
        where: {
          companyId: input.companyId,
          customerId: customer.id,
          description: input.problem,
          address: input.address,
          createdAt: { gte: new Date(Date.now() - input.sameRequestWithinMs) },
        },
        orderBy: { createdAt: "desc" },
        select: jobSummarySelect,
      });
      if (earlier) {
        const link = await createAccessLink(tx, earlier.id, input.linkTtlDays);
        return { job: earlier, link, repeated: true };
      }
    }

    const { nextJobNumber } = await tx.company.update({
      where: { id: input.companyId },
      data: { nextJobNumber: { increment: 1 } },
      select: { nextJobNumber: true },
    });
    const now = new Date();
    const created = await tx.job.create({
      data: {
        companyId: input.companyId,
        number: nextJobNumber - 1,
        customerId: customer.id,
        technicianId: input.technicianId ?? null,
        status: input.status,
        title: titleOf(input.problem),
        description: input.problem,
        address: input.address,
        preferredTimes: input.preferredTimes ?? "",
        windowStart: input.window?.start ?? null,
        windowEnd: input.window?.end ?? null,
        steps: { [input.status]: now.toISOString() },
        awaitingReplySince: input.awaitingReply ? now : null,
        requestedOnline: input.requestedOnline ?? false,
        // The first entry names the technician: the homeowner has been told.
        announcedTechnicianId: input.technicianId ?? null,
        technicianChangedAt: input.technicianId ? now : null,
        lastSeq: 1,
        lastPublicSeq: 1,
        publicUpdatedAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    const homeowner = await tx.participant.create({
      data: {
        jobId: created.id,
        role: "HOMEOWNER",
        customerId: customer.id,
        name: customer.name,
        channel: customer.channel,
      },
      select: { id: true },
    });
    // Their link, in the channel they chose, goes out once this commits.
    await queueHomeownerLink(
      tx,
      "JOB_LINK",
      { companyId: input.companyId, jobId: created.id, participantId: homeowner.id },
      customer,
    );
    await tx.message.create({
      data: {
        jobId: created.id,
        seq: 1,
        clientId: FIRST_ENTRY_CLIENT_ID,
        kind: "SYSTEM",
        visibility: "EVERYONE",
        body: input.firstEntry(customer.name),
        createdAt: now,
      },
    });
    const link = await createAccessLink(tx, created.id, input.linkTtlDays);
    const job = await tx.job.findUniqueOrThrow({ where: { id: created.id }, select: jobSummarySelect });
    return { job, link, repeated: false };
  });
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

async function resolveCustomer(tx: Tx, input: NewJob) {
  if ("id" in input.customer) {
    const known = await tx.customer.findFirst({
      where: { id: input.customer.id, companyId: input.companyId },
      select: { id: true, name: true, address: true, preferredChannel: true, phone: true, email: true },
    });
    if (!known) throw new AppError("bad_request", "That customer is not one of this company's.");
    if (!known.address && input.address)
      await tx.customer.update({ where: { id: known.id }, data: { address: input.address } });
    return { id: known.id, name: known.name, channel: known.preferredChannel, phone: known.phone, email: known.email };
  }
  const found = await findOrCreateCustomer(tx, input.companyId, input.customer);
  const stored = await tx.customer.findUniqueOrThrow({
    where: { id: found.id },
    select: { preferredChannel: true, phone: true, email: true },
  });
  return { id: found.id, name: found.name, channel: stored.preferredChannel, phone: stored.phone, email: stored.email };
}
