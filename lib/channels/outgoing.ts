// What every channel adapter takes and how it fails: one small interface, so
// the outbox worker (lib/notifications/) never knows which provider it talks to.
import type { Channel } from "../generated/prisma/enums.ts";

export type Outgoing = {
  channel: Exclude<Channel, "WEB">;
  /** E.164 for a text, an address for an email. */
  to: string;
  subject?: string;
  text: string;
  html?: string;
  /** Where an email's answer goes (a signed per-person address). */
  replyTo?: string;
  /** The outbox row it delivers: the provider's status callbacks find it by the id the send returns. */
  notificationId: string;
};

/** The provider took the message; `providerId` is its id for it (a Twilio SID, a Message-ID). */
export type Sent = { providerId: string };

export type Send = (message: Outgoing) => Promise<Sent>;

/**
 * A send that didn't go. `permanent`: trying again can't help (an invalid
 * number, a mailbox that doesn't exist); otherwise the outbox retries later.
 * The message is what staff read on the job ("number unreachable").
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** How long a provider may take to answer before the try counts as failed (and is retried). */
export const SEND_TIMEOUT_MS = 15_000;
