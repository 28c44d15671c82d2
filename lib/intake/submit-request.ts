import type { ZodError } from "zod";
import { AppError, invalidFields } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { type CreatedJob, createJob } from "../jobs/create-job.ts";
import { findRequestCompany } from "./find-request-company.ts";
import { takeRequestAttempt } from "./intake-limits.ts";
import { requestInputSchema } from "./schemas.ts";

/** The same request again within this long opens no second job (a double tap, a resend). */
export const SAME_REQUEST_WINDOW_MS = 10 * 60 * 1000;

export type SubmittedRequest =
  | ({ kind: "created"; companySlug: string } & CreatedJob)
  /** The honeypot was filled: nothing was written, and the answer looks like any other. */
  | { kind: "ignored"; companySlug: string };

export function firstReplyPromise(minutes: number): string {
  return `Request received — we usually answer within ${minutes} minutes.`;
}

/**
 * A homeowner's request from the public form: checked field by field (nothing
 * is written when anything is wrong), limited per client address and per
 * contact, then the customer, the job (REQUESTED), its thread with the first
 * entry and a homeowner link, as one transaction (lib/jobs/create-job.ts). The
 * same request again within minutes finds the first job instead.
 */
export async function submitRequest(
  db: PrismaClient,
  slug: string,
  raw: unknown,
  context: { clientAddress: string; linkTtlDays: number },
): Promise<SubmittedRequest> {
  const company = await findRequestCompany(db, slug);
  if (!company) throw new AppError("not_found", "We couldn't find that company.");
  const parsed = requestInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidFields(parsed.error as ZodError);
  const input = parsed.data;
  // Before the limits: a bot using someone's number must not use up their budget.
  if (input.website.trim() !== "") return { kind: "ignored", companySlug: company.slug };

  const contacts = [input.phone, input.email].filter((contact): contact is string => contact !== null);
  // Repeats count too: each one opens a new link to the thread.
  await takeRequestAttempt(company.id, context.clientAddress, contacts);

  const created = await createJob(db, {
    companyId: company.id,
    customer: {
      name: input.name,
      phone: input.phone,
      email: input.email,
      address: input.address,
      channel: input.channel,
      matchExisting: true,
    },
    problem: input.problem,
    address: input.address,
    preferredTimes: input.preferredTimes,
    status: "REQUESTED",
    awaitingReply: true,
    requestedOnline: true,
    firstEntry: () =>
      [
        firstReplyPromise(company.firstReplyMinutes),
        `What's wrong: ${input.problem}`,
        `Address: ${input.address}`,
        ...(input.preferredTimes ? [`Preferred times: ${input.preferredTimes}`] : []),
      ].join("\n"),
    linkTtlDays: context.linkTtlDays,
    sameRequestWithinMs: SAME_REQUEST_WINDOW_MS,
  });
  return { kind: "created", companySlug: company.slug, ...created };
}
