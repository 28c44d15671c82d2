// A homeowner answered one of Trio's emails: what they wrote now goes into
// their job's thread, as if typed on their page. The inbound SMTP listener
// (server/mail/inbound-smtp.ts) is its door; any other (a provider's webhook
// with the raw message) would call the same function.
import { createHash } from "node:crypto";
import { simpleParser } from "mailparser";
import type { Db } from "../../db.ts";
import type { JobRow } from "../../jobs/job-view.ts";
import { cleanMessageText, fitMessageLength } from "../../messages/message-text.ts";
import type { MessageView } from "../../messages/message-view.ts";
import { messageBodySchema } from "../../messages/schemas.ts";
import { publishChange } from "../../realtime/broadcast.ts";
import { postChannelReply } from "../post-channel-reply.ts";
import { closedLongAgo } from "../sms/find-reply-job.ts";
import { automaticMail } from "./automatic-mail.ts";
import { readReplyAddress } from "./reply-address.ts";
import { stripQuotedReply } from "./strip-quoted-reply.ts";

/**
 * The largest raw mail taken (headers, text, HTML and attachments): a reply
 * with a phone photo or two fits; the listener refuses more at the door.
 * Attachments are not kept (photos by email are not taken yet): the text is.
 */
export const MAX_EMAIL_BYTES = 10 * 1024 * 1024;

/** Why a mail was not posted. */
export type EmailRefusal =
  /** Larger than MAX_EMAIL_BYTES. */
  | "too_large"
  /** No recipient is a reply address Trio signed. */
  | "no_reply_address"
  /** Not a MIME message mailparser can read. */
  | "unreadable"
  /** A delivery report, a read receipt or mail from MAILER-DAEMON: never a person. */
  | "bounce"
  /** An out-of-office answer, an autoresponder or a mailing list. */
  | "automatic"
  /** The address was signed, but its participant (or job) is gone. */
  | "unknown_participant"
  /** The address belongs to staff: staff write in Trio, not by mail. */
  | "not_homeowner"
  /** Nothing left after the quote and the signature went (or only a photo). */
  | "empty"
  /** The person's send budget for this thread is spent (a loop that slipped through). */
  | "rate_limited"
  /** The job closed long ago (as for texts: find-reply-job.ts): an old email doesn't reopen it. */
  | "closed";

export type ReceiveEmailResult =
  | { outcome: "created" | "existing"; message: MessageView; job: JobRow }
  | { outcome: "refused"; reason: EmailRefusal; retryAfter?: number };

export type InboundEmail = {
  raw: Buffer | string;
  /** SMTP's RCPT TO addresses (the envelope, not the To header: Bcc and forwards count). */
  recipients: string[];
  /** SMTP's MAIL FROM when known: "" for the null sender bounces and autoresponders use. */
  envelopeSender?: string;
};

const defaultLog = (line: string) => console.log(`[trio] ${line}`);

/**
 * Posts a homeowner's emailed reply in their job's thread, once: the mail's
 * Message-ID makes the clientId, so a resend stores nothing new (`existing`).
 * Refuses (posts nothing, logs one line) whatever no homeowner wrote to us:
 * see EmailRefusal. Live pages hear of a new message after it is stored.
 */
export async function receiveEmailReply(
  db: Db,
  email: InboundEmail,
  log: (line: string) => void = defaultLog,
): Promise<ReceiveEmailResult> {
  const refuse = (reason: EmailRefusal, detail: string, retryAfter?: number): ReceiveEmailResult => {
    log(`Email reply not posted (${reason}): ${detail}`);
    return retryAfter === undefined ? { outcome: "refused", reason } : { outcome: "refused", reason, retryAfter };
  };

  const size = typeof email.raw === "string" ? Buffer.byteLength(email.raw) : email.raw.length;
  if (size > MAX_EMAIL_BYTES) return refuse("too_large", `${size} bytes`);
  const address = email.recipients.map(readReplyAddress).find((found) => found !== null);
  if (!address) return refuse("no_reply_address", `${email.recipients.length} recipient(s), none signed`);
  const { participantId } = address;

  const mail = await simpleParser(email.raw, {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
  }).catch(() => null);
  if (!mail) return refuse("unreadable", `for participant ${participantId}`);
  const automatic = automaticMail(mail, email.envelopeSender);
  if (automatic) return refuse(automatic, `for participant ${participantId}`);

  const participant = await db.participant.findUnique({
    where: { id: participantId },
    select: {
      role: true,
      name: true,
      customerId: true,
      jobId: true,
      job: { select: { companyId: true, status: true, steps: true, updatedAt: true } },
    },
  });
  if (!participant) return refuse("unknown_participant", `participant ${participantId}`);
  if (participant.role !== "HOMEOWNER" || !participant.customerId) {
    return refuse("not_homeowner", `participant ${participantId} is ${participant.role}`);
  }
  if (closedLongAgo(participant.job)) return refuse("closed", `job ${participant.jobId} closed long ago`);
  const body = replyBody(mail.text ?? "");
  if (!body) return refuse("empty", `for participant ${participantId}`);

  const homeowner = {
    jobId: participant.jobId,
    companyId: participant.job.companyId,
    customerId: participant.customerId,
    name: participant.name,
  };
  const clientId = `email:${shortHash(mail.messageId?.trim() || email.raw)}`;

  const result = await postChannelReply(db, homeowner, { clientId, body });
  if (result.outcome === "rate_limited") {
    return refuse("rate_limited", `participant ${participantId}`, result.retryAfter);
  }
  if (result.outcome === "gone") return refuse("unknown_participant", `participant ${participantId}'s job is gone`);
  if (result.outcome === "created") publishChange({ job: result.job, message: result.message });
  return { outcome: result.outcome, message: result.message, job: result.job };
}

/**
 * The reply's new text, as a typed message is stored (messageBodySchema), or
 * null when nothing is left. mailparser gives HTML-only mail as text (its
 * blockquotes as "> " lines). Longer than a message may be, it is cut at
 * MAX_MESSAGE_LENGTH with "…": a long email is still heard, not bounced.
 */
export function replyBody(text: string): string | null {
  const parsed = messageBodySchema.safeParse(fitMessageLength(cleanMessageText(stripQuotedReply(text))));
  return parsed.success ? parsed.data : null;
}

/** 96 bits of SHA-256, hex: a clientId short enough for the thread's index. */
const shortHash = (value: string | Buffer) => createHash("sha256").update(value).digest("hex").slice(0, 24);
