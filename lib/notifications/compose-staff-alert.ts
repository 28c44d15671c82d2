// The email a staff member gets when a homeowner has waited past the first-
// reply target: who, how long, what they said, and the way into the thread
// (a staff page: staff sign in, so no link is minted).
import { renderNotificationEmail } from "../channels/email/templates/notification-email.tsx";
import type { Db } from "../db.ts";
import { formatWaiting } from "../format/dates.ts";
import type { ClaimedNotification } from "./claim-due.ts";
import type { Composed, ComposeOptions } from "./compose-notification.ts";

export async function composeStaffAlert(
  db: Db,
  claimed: ClaimedNotification,
  options: ComposeOptions,
): Promise<Composed> {
  const job = await db.job.findUnique({
    where: { id: claimed.jobId },
    select: {
      number: true,
      title: true,
      awaitingReplySince: true,
      customer: { select: { name: true } },
      company: { select: { name: true } },
    },
  });
  const person = claimed.userId
    ? await db.user.findUnique({ where: { id: claimed.userId }, select: { name: true } })
    : null;
  if (!job || !person) return { outcome: "skip", reason: "the job or the person is gone" };
  // Answered, or answered and begun again since it was queued (a late retry): the next wait has its own alert.
  if (!job.awaitingReplySince || job.awaitingReplySince > claimed.createdAt) {
    return { outcome: "skip", reason: "answered meanwhile" };
  }
  const said = await db.message.findFirst({
    where: { jobId: claimed.jobId, visibility: "EVERYONE", author: { role: "HOMEOWNER" } },
    orderBy: { seq: "desc" },
    select: { body: true },
  });
  const waited = formatWaiting(job.awaitingReplySince.toISOString(), options.now.getTime());
  const url = new URL(`/jobs/${claimed.jobId}`, options.publicUrl).href;
  const subject = `${job.customer.name} is waiting for an answer (job #${job.number})`;
  const { html, text } = await renderNotificationEmail({
    companyName: job.company.name,
    companyContact: null,
    greeting: `Hi ${person.name.split(/\s+/)[0] || person.name},`,
    lines: [`${job.customer.name} has waited ${waited} for an answer about “${job.title}”.`],
    quotes: said ? [{ name: job.customer.name, text: said.body }] : [],
    action: { label: "Answer in Trio", url },
    replyHint: null,
  });
  return { outcome: "send", draft: { subject, text, html, linkId: null } };
}
