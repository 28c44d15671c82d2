// What Twilio's StatusCallback reports about a text Trio sent: the outbox row
// (Notification) whose providerId is the text's MessageSid learns whether it
// reached the phone.
import type { Db } from "../../db.ts";
import { env } from "../../env.ts";
import type { DeliveryState } from "../../generated/prisma/enums.ts";
import { recordOptOut } from "./opt-outs.ts";
import { toE164 } from "./phone-numbers.ts";
import { E164 } from "./schemas.ts";
import { describeSmsError, OPTED_OUT_ERROR } from "./sms-errors.ts";

export type DeliveryReport = {
  messageSid: string;
  /** Twilio's MessageStatus, lower case: queued, sent, delivered, undelivered, failed, read, … */
  status: string;
  errorCode?: string;
  /** The number the text went to, as the provider reports it. */
  to?: string;
};

export type DeliveryOutcome =
  | { outcome: "updated"; state: DeliveryState; jobId: string }
  | { outcome: "unchanged" | "unknown" };

/**
 * A row only moves forward: DELIVERED is final (a late `sent` or `failed`
 * changes nothing); FAILED may still become DELIVERED (the phone got it after
 * all); SKIPPED was never sent. Interim states (queued, sending, sent) change
 * nothing: the outbox worker marks a row SENT itself when the provider takes it.
 */
const MOVES: Record<string, { to: DeliveryState; from: DeliveryState[] }> = {
  delivered: { to: "DELIVERED", from: ["PENDING", "SENDING", "SENT", "FAILED"] },
  read: { to: "DELIVERED", from: ["PENDING", "SENDING", "SENT", "FAILED"] },
  undelivered: { to: "FAILED", from: ["PENDING", "SENDING", "SENT"] },
  failed: { to: "FAILED", from: ["PENDING", "SENDING", "SENT"] },
};

export async function recordDeliveryStatus(db: Db, report: DeliveryReport): Promise<DeliveryOutcome> {
  const row = await db.notification.findFirst({
    where: { providerId: report.messageSid, channel: "SMS" },
    select: { id: true, to: true, jobId: true },
  });
  // The carrier's word that the number texted STOP holds even for a text we no longer know.
  if (report.errorCode === OPTED_OUT_ERROR) {
    const phone = report.to && E164.test(report.to) ? report.to : row ? toE164(row.to, env().SMS_COUNTRY_CODE) : null;
    if (phone) await recordOptOut(db, phone);
  }
  if (!row) return { outcome: "unknown" };

  const move = MOVES[report.status];
  if (!move) return { outcome: "unchanged" };
  const lastError = move.to === "FAILED" ? describeSmsError(report.errorCode) : null;
  // Conditional on the state it moves from, in one statement: two callbacks
  // racing can't move a row backwards.
  const { count } = await db.notification.updateMany({
    where: { id: row.id, state: { in: move.from } },
    data: { state: move.to, lastError },
  });
  return count > 0 ? { outcome: "updated", state: move.to, jobId: row.jobId } : { outcome: "unchanged" };
}
