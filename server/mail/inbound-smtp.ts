// The SMTP listener homeowners' email replies arrive at (a domain's MX, or a
// mail provider forwarding to it: docs/email.md). A thin door: it takes mail
// only for addresses Trio signed, hands the message to receiveEmailReply and
// turns the outcome into an SMTP reply. It relays nothing and has no accounts.
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import {
  type EmailRefusal,
  MAX_EMAIL_BYTES,
  type ReceiveEmailResult,
  receiveEmailReply,
} from "@/lib/channels/email/receive-email-reply.ts";
import { readReplyAddress } from "@/lib/channels/email/reply-address.ts";
import type { Db } from "@/lib/db.ts";

export type InboundMailOptions = { port: number; host: string; db: () => Db; log: (line: string) => void };
export type InboundMail = { port: number; stop(): Promise<void> };

/** Sending servers connected at once; more wait for a free slot (SMTP senders retry). */
const MAX_CLIENTS = 20;
/** A reply goes to one address; a few allow for a Cc of another thread's address. */
const MAX_RECIPIENTS = 5;
/** An idle or crawling sender is let go after this. */
const SOCKET_TIMEOUT_MS = 60_000;
/** On stop, how long a mail being taken may still finish. */
const CLOSE_TIMEOUT_MS = 5_000;

type Reply = { code: number; message: string };

/**
 * What the sending server hears for each refusal: its sender gets a bounce
 * that says why, except for mail no person wrote, which is accepted and
 * dropped (answering a bounce or an autoresponder is how mail loops start).
 */
const REFUSALS: Record<EmailRefusal, Reply | null> = {
  too_large: { code: 552, message: `This message is larger than we take (${MAX_EMAIL_BYTES / 1024 / 1024} MB)` },
  no_reply_address: { code: 550, message: "No such reply address" },
  unreadable: { code: 554, message: "This message could not be read" },
  bounce: null,
  automatic: null,
  unknown_participant: { code: 550, message: "This reply address is no longer in use" },
  not_homeowner: { code: 550, message: "This address takes replies from the homeowner only" },
  empty: {
    code: 550,
    message: "We found no reply above the quoted message: write your answer at the top and send it again",
  },
  rate_limited: { code: 451, message: "Too many replies at once: we will take this one a little later" },
  closed: { code: 550, message: "This job closed a while ago: please request a new visit" },
};

const smtpError = ({ code, message }: Reply) => Object.assign(new Error(message), { responseCode: code });

/**
 * Starts the listener. No AUTH (nobody signs in to send a reply) and no
 * STARTTLS (Trio has no certificate for the mail domain: a provider that
 * forwards, or a TLS-terminating relay in front, covers transport security;
 * docs/email.md). Port 0 picks a free port (tests); the port taken is returned.
 */
export async function startInboundMail({ port, host, db, log }: InboundMailOptions): Promise<InboundMail> {
  const server = new SMTPServer({
    banner: "Trio takes replies to its emails here",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_EMAIL_BYTES,
    rejectOversized: true,
    maxClients: MAX_CLIENTS,
    maxRecipients: MAX_RECIPIENTS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    closeTimeout: CLOSE_TIMEOUT_MS,
    disableReverseLookup: true,
    logger: false,
    // Forged or unknown addresses are refused here, before any data: the
    // sender's own server tells them, and we never send a bounce of our own.
    onRcptTo(address, _session, callback) {
      if (readReplyAddress(address.address)) return callback();
      callback(smtpError(REFUSALS.no_reply_address as Reply));
    },
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((recipient) => recipient.address);
      const envelopeSender = session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined;
      collect(stream)
        .then((raw): Promise<ReceiveEmailResult> | ReceiveEmailResult => {
          if (raw !== null) return receiveEmailReply(db(), { raw, recipients, envelopeSender }, log);
          log(`Email reply not posted (too_large): over ${MAX_EMAIL_BYTES} bytes`);
          return { outcome: "refused", reason: "too_large" };
        })
        .then((result) => callback(replyTo(result)))
        .catch((error: unknown) => {
          log(
            `Inbound mail failed, answered 451 (the sender retries): ${error instanceof Error ? error.message : error}`,
          );
          callback(smtpError({ code: 451, message: "A passing problem on our side: try again later" }));
        });
    },
  });
  server.on("error", (error: Error) => log(`Inbound mail connection error: ${error.message}`));

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function replyTo(result: ReceiveEmailResult): Error | null {
  if (result.outcome !== "refused") return null;
  const reply = REFUSALS[result.reason];
  return reply ? smtpError(reply) : null;
}

/** The whole message, or null once it passes the size limit (the rest is read and dropped). */
function collect(stream: SMTPServerDataStream): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    stream.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length <= MAX_EMAIL_BYTES) chunks.push(chunk);
    });
    stream.on("end", () => resolve(stream.sizeExceeded || length > MAX_EMAIL_BYTES ? null : Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}
