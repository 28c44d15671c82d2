// "Send me a new link": a homeowner whose link is lost (a new phone, an old
// message deleted) gives the phone number or email on their job, and a fresh
// link goes to that number or address, never to the screen. The answer is the
// same whether or not anything matched, so the form tells nobody who is a
// customer; the limits keep it from being used to flood a phone.
import { storedFormsOf, toE164 } from "../channels/sms/phone-numbers.ts";
import type { Db } from "../db.ts";
import { env } from "../env.ts";
import { queueHomeownerLink } from "../notifications/queue-homeowner-link.ts";
import { takeNewLinkAttempt } from "./new-link-limits.ts";
import type { NewLinkInput } from "./schemas.ts";

/** A closed job's link can still be asked for this long after it closed (to rate it, to read it back). */
const CLOSED_JOB_DAYS = 30;

export async function sendNewLink(db: Db, input: NewLinkInput, clientAddress: string): Promise<void> {
  const { contact } = input;
  const countryCode = env().SMS_COUNTRY_CODE;
  // Counted by the number itself, however it was typed (+1…, 0…, spaces).
  await takeNewLinkAttempt(
    clientAddress,
    contact.kind === "SMS" ? `SMS:${toE164(contact.value, countryCode)}` : `EMAIL:${contact.value}`,
  );
  const match =
    contact.kind === "EMAIL"
      ? { email: contact.value }
      : { phone: { in: storedFormsOf(toE164(contact.value, countryCode), countryCode) } };
  const job = await db.job.findFirst({
    where: {
      ...(input.company ? { company: { slug: input.company } } : {}),
      customer: match,
      OR: [
        { status: { notIn: ["COMPLETED", "CANCELED"] } },
        { updatedAt: { gte: new Date(Date.now() - CLOSED_JOB_DAYS * 86_400_000) } },
      ],
    },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      companyId: true,
      customer: { select: { phone: true, email: true } },
      participants: { where: { role: "HOMEOWNER" }, select: { id: true }, take: 1 },
    },
  });
  const homeowner = job?.participants[0];
  if (!job || !homeowner) return;
  // To the number or address as the office has it (the match proved it is the one typed).
  await queueHomeownerLink(
    db,
    "NEW_LINK",
    { companyId: job.companyId, jobId: job.id, participantId: homeowner.id },
    { channel: contact.kind, phone: job.customer.phone, email: job.customer.email },
  );
}
