// Email over SMTP with nodemailer: one pooled transport per SMTP_URL.
import nodemailer, { type Transporter } from "nodemailer";
import { DeliveryError, type Outgoing, SEND_TIMEOUT_MS, type Send, type Sent } from "../outgoing.ts";

type SmtpFailure = Error & { responseCode?: number; code?: string };

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl, {
      // A server that hangs fails the try instead of holding the worker.
      connectionTimeout: SEND_TIMEOUT_MS,
      greetingTimeout: SEND_TIMEOUT_MS,
      socketTimeout: SEND_TIMEOUT_MS,
    });
    transports.set(smtpUrl, transport);
  }
  return transport;
}

export function emailSender(smtpUrl: string, from: string): Send {
  return async (message: Outgoing): Promise<Sent> => {
    try {
      const info = await transportFor(smtpUrl).sendMail({
        from,
        to: message.to,
        replyTo: message.replyTo,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // Mail Trio sends is never an answer to an auto-reply (RFC 3834).
        headers: { "Auto-Submitted": "auto-generated", "X-Trio-Notification": message.notificationId },
      });
      return { providerId: info.messageId };
    } catch (error) {
      throw toDeliveryError(error as SmtpFailure);
    }
  };
}

/** 5xx from the server: this address won't take it (retrying can't help); anything else may pass later. */
function toDeliveryError(error: SmtpFailure): DeliveryError {
  const code = error.responseCode;
  if (code && code >= 500) {
    const mailbox = code === 550 || code === 551 || code === 553;
    return new DeliveryError(
      mailbox ? "the mailbox doesn't exist or refuses mail" : `mail server refused (${code})`,
      true,
    );
  }
  if (code) return new DeliveryError(`mail server busy (${code})`, false);
  return new DeliveryError(error.code === "ETIMEDOUT" ? "mail server didn't answer" : "mail server unreachable", false);
}
