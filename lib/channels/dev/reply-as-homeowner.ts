// The /dev/outbox page's "reply as the homeowner": what a homeowner's phone or
// mail app would send back, put through the same inbound path as the real
// thing (receiveEmailReply for mail, receiveText for texts), quoted history
// and all, so `npm start` shows the whole loop on one machine.
import { randomUUID } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import type { Actor } from "../../auth/actor.ts";
import { isManager } from "../../auth/policy.ts";
import type { Db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { receiveEmailReply } from "../email/receive-email-reply.ts";
import { receiveText } from "../sms/receive-text.ts";

export type DevReplyOutcome = { posted: boolean; reason: string | null };

export async function replyAsHomeowner(
  db: Db,
  actor: Actor,
  input: { id: string; body: string },
): Promise<DevReplyOutcome> {
  const delivery =
    isManager(actor) && actor.kind === "staff"
      ? await db.devDelivery.findFirst({
          where: { id: input.id, notification: { companyId: actor.companyId } },
          select: { channel: true, to: true, from: true, replyTo: true, subject: true, text: true, createdAt: true },
        })
      : null;
  if (!delivery) throw new AppError("not_found", "Not found.");
  if (delivery.channel === "SMS") {
    // As the provider's webhook would bring it: from the homeowner's number, with an id of its own.
    const result = await receiveText(db, {
      from: delivery.to,
      body: input.body,
      messageSid: `SMdev${randomUUID().replaceAll("-", "")}`,
    });
    if (result.outcome === "posted" || result.outcome === "duplicate") return { posted: true, reason: null };
    const answer = "reply" in result ? result.reply : null;
    return { posted: false, reason: answer ?? result.outcome };
  }
  if (!delivery.replyTo) throw new AppError("conflict", "This email had no reply address: answering it goes nowhere.");

  const raw = await new MailComposer({
    from: delivery.to,
    to: delivery.replyTo,
    subject: `Re: ${delivery.subject ?? ""}`,
    messageId: `<${randomUUID()}@dev-outbox.trio>`,
    // As a mail app answers: the new text on top, the email it answers quoted below.
    text: `${input.body}\n\nOn ${delivery.createdAt.toUTCString()}, ${delivery.from} wrote:\n${quote(delivery.text)}\n`,
  })
    .compile()
    .build();
  const result = await receiveEmailReply(db, { raw, recipients: [delivery.replyTo], envelopeSender: delivery.to });
  return result.outcome === "refused" ? { posted: false, reason: result.reason } : { posted: true, reason: null };
}

const quote = (text: string) =>
  text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
