// The e2e run's stand-ins for the email and text providers (started by
// global-setup.ts): what Trio sent, read back as a homeowner's phone would.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { getExpectedTwilioSignature } from "twilio/lib/webhooks/webhooks.js";

export const E2E_SMS = {
  accountSid: "AC0e2e",
  authToken: "e2e-auth-token",
  from: "+15550100000",
  /** The local Twilio answers texts to this number as to one that can't take texts. */
  invalidNumber: "+15550107999",
};

export const mailboxFile = (dataDir: string) => path.join(dataDir, "mailbox.jsonl");
export const textsFile = (dataDir: string) => path.join(dataDir, "texts.jsonl");

export type ReceivedMail = { to: string[]; subject: string; text: string; replyTo?: string };
export type ReceivedText = Record<string, string>;

function lines<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

const dataDir = () => process.env.TRIO_E2E_DATA_DIR as string;
export const mailsTo = (address: string) =>
  lines<ReceivedMail>(mailboxFile(dataDir())).filter((m) => m.to.includes(address));
export const textsTo = (number: string) => lines<ReceivedText>(textsFile(dataDir())).filter((t) => t.To === number);

/** A homeowner's text to Trio's number, posted and signed as Twilio would. */
export async function textFromHomeowner(baseUrl: string, from: string, body: string, messageSid: string) {
  const url = `${baseUrl}/api/sms/inbound`;
  const params = {
    AccountSid: E2E_SMS.accountSid,
    From: from,
    To: E2E_SMS.from,
    Body: body,
    MessageSid: messageSid,
    NumMedia: "0",
  };
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": getExpectedTwilioSignature(E2E_SMS.authToken, url, params),
    },
    body: new URLSearchParams(params),
  });
}
