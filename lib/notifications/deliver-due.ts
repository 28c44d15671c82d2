// One pass of the outbox worker: claim what is due, say it, send it, record
// how it went. A failed try comes back later with a growing delay; after the
// last one, or when the provider says it never will, the row ends FAILED and
// shows on the job for staff.
import { revokeAccessLink } from "../auth/access-links.ts";
import { DeliveryError, type Send } from "../channels/outgoing.ts";
import { isOptedOut } from "../channels/sms/opt-outs.ts";
import { toE164 } from "../channels/sms/phone-numbers.ts";
import type { Db } from "../db.ts";
import type { Channel } from "../generated/prisma/enums.ts";
import { type ClaimedNotification, claimDue } from "./claim-due.ts";
import { type ComposeOptions, composeNotification } from "./compose-notification.ts";
import { markDeferred, markFailed, markSent, markSkipped, renewHold } from "./finish-delivery.ts";
import { retryDelayMs } from "./retry-delay.ts";

/** Each channel's sender; null: the channel isn't set up here (rows end FAILED, saying so). */
export type Senders = Record<Exclude<Channel, "WEB">, Send | null>;

export type DeliveryOptions = Omit<ComposeOptions, "now"> & {
  senders: Senders;
  /** For stored numbers written without a country code. */
  smsCountryCode: string;
  /** Country codes texts may go to (default: smsCountryCode's only). */
  smsCountries?: string[];
  maxAttempts: number;
  retryBaseMs: number;
  /** How long a claim holds a row: longer than any one send may take. */
  holdMs?: number;
  batchSize?: number;
  now?: () => Date;
  random?: () => number;
  /** Told after each notification's try is recorded (the server tells staff pages). */
  onFinished?: (notification: ClaimedNotification) => void;
};

export type DeliveryTally = {
  sent: number;
  failed: number;
  retrying: number;
  skipped: number;
  deferred: number;
  /** Taken by another worker after this one's hold ran out: left to it. */
  overtaken: number;
};

const HOLD_MS = 120_000;

const NOT_SET_UP = { SMS: "texts aren't set up on this Trio", EMAIL: "email isn't set up on this Trio" } as const;

export async function deliverDue(db: Db, options: DeliveryOptions): Promise<DeliveryTally> {
  const now = options.now ?? (() => new Date());
  const tally: DeliveryTally = { sent: 0, failed: 0, retrying: 0, skipped: 0, deferred: 0, overtaken: 0 };
  const claimed = await claimDue(db, {
    limit: options.batchSize ?? 20,
    holdMs: options.holdMs ?? HOLD_MS,
    now: now(),
  });
  // One at a time: a provider is never hit by a burst from one node, and a
  // pass stays well inside its claim's hold.
  for (const notification of claimed) {
    tally[await deliverOne(db, notification, options, now)] += 1;
    options.onFinished?.(notification);
  }
  return tally;
}

async function deliverOne(
  db: Db,
  notification: ClaimedNotification,
  options: DeliveryOptions,
  now: () => Date,
): Promise<keyof DeliveryTally> {
  const send = options.senders[notification.channel];
  if (!send) {
    await markFailed(db, notification, NOT_SET_UP[notification.channel], null);
    return "failed";
  }
  const to = notification.channel === "SMS" ? toE164(notification.to, options.smsCountryCode) : notification.to;
  const countries = options.smsCountries ?? [options.smsCountryCode];
  if (notification.channel === "SMS" && !countries.some((code) => to.startsWith(`+${code}`))) {
    await markSkipped(db, notification, "texts to that country are off");
    return "skipped";
  }
  if (notification.channel === "SMS" && (await isOptedOut(db, to))) {
    await markSkipped(db, notification, "the number opted out of texts (STOP)");
    return "skipped";
  }
  let composed: Awaited<ReturnType<typeof composeNotification>>;
  try {
    composed = await composeNotification(db, notification, { ...options, now: now() });
  } catch (error) {
    // One that can't be written (a bad time zone, a template error) must not hold up the rest.
    console.error(`[trio] notification ${notification.id} could not be composed:`, error);
    const lastTry = notification.attempts >= options.maxAttempts;
    const retryAt = new Date(
      now().getTime() + retryDelayMs(notification.attempts, options.retryBaseMs, options.random),
    );
    await markFailed(db, notification, "it could not be written", lastTry ? null : retryAt);
    return lastTry ? "failed" : "retrying";
  }
  if (composed.outcome === "skip") {
    await markSkipped(db, notification, composed.reason);
    return "skipped";
  }
  if (composed.outcome === "defer") {
    await markDeferred(db, notification, composed.until);
    return "deferred";
  }
  const { draft } = composed;
  if (!(await renewHold(db, notification, options.holdMs ?? HOLD_MS, now()))) return "overtaken";
  try {
    const { providerId } = await send({
      channel: notification.channel,
      to,
      subject: draft.subject,
      text: draft.text,
      html: draft.html,
      replyTo: draft.replyTo,
      notificationId: notification.id,
    });
    await markSent(db, notification, providerId, now());
    return "sent";
  } catch (error) {
    const failure = error instanceof DeliveryError ? error : new DeliveryError("unexpected error while sending", false);
    if (!(error instanceof DeliveryError)) console.error(`[trio] notification ${notification.id}:`, error);
    if (draft.linkId) await revokeAccessLink(db, draft.linkId);
    const lastTry = failure.permanent || notification.attempts >= options.maxAttempts;
    const retryAt = lastTry
      ? null
      : new Date(now().getTime() + retryDelayMs(notification.attempts, options.retryBaseMs, options.random));
    await markFailed(db, notification, failure.message, retryAt);
    return lastTry ? "failed" : "retrying";
  }
}
