// Which provider carries each channel, from the settings: SMTP for email,
// Twilio's API for texts; in development (or with DEV_OUTBOX) a channel with
// no provider goes to the /dev/outbox page instead, so `npm start` shows the
// whole loop on one machine.
import type { Db } from "../db.ts";
import type { Env } from "../env.ts";
import type { Senders } from "../notifications/deliver-due.ts";
import { devSender } from "./dev/record-dev-delivery.ts";
import { emailSender } from "./email/send-email.ts";
import { textSender } from "./sms/send-text.ts";

/** The number dev-outbox texts seem to come from when SMS_FROM is unset. */
export const DEV_SMS_FROM = "+15550100000";

export function devOutboxOn(config: Pick<Env, "NODE_ENV" | "DEV_OUTBOX">): boolean {
  return config.DEV_OUTBOX || config.NODE_ENV !== "production";
}

export function smsConfigured(config: Env): boolean {
  return Boolean(config.SMS_ACCOUNT_SID && config.SMS_AUTH_TOKEN && config.SMS_FROM);
}

export function sendersFor(config: Env, db: () => Db, publicUrl: string): Senders {
  const dev = devOutboxOn(config);
  const email = config.SMTP_URL
    ? emailSender(config.SMTP_URL, config.MAIL_FROM)
    : dev
      ? devSender(db, config.MAIL_FROM)
      : null;
  const sms =
    config.SMS_ACCOUNT_SID && config.SMS_AUTH_TOKEN && config.SMS_FROM
      ? textSender(
          {
            accountSid: config.SMS_ACCOUNT_SID,
            authToken: config.SMS_AUTH_TOKEN,
            from: config.SMS_FROM,
            apiUrl: config.SMS_API_URL,
          },
          new URL("/api/sms/status", publicUrl).href,
        )
      : dev
        ? devSender(db, config.SMS_FROM ?? DEV_SMS_FROM)
        : null;
  return { EMAIL: email, SMS: sms };
}

/** One line per channel for the start-up log: where its messages go. */
export function describeSenders(config: Env): string[] {
  const dev = devOutboxOn(config);
  const where = (configured: boolean, provider: string) =>
    configured ? provider : dev ? "the /dev/outbox page" : "nowhere (not set up)";
  return [
    `Email goes to ${where(Boolean(config.SMTP_URL), "SMTP_URL")}`,
    `Texts go to ${where(smsConfigured(config), config.SMS_API_URL)}`,
  ];
}
