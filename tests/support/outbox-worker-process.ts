// A second (and third) node's outbox worker, for tests: delivery passes
// against DATABASE_URL for PASSES_MS, texts to SMS_API_URL, then exit.
import { textSender } from "../../lib/channels/sms/send-text.ts";
import { closeDb, createDb } from "../../lib/db.ts";
import { deliverDue } from "../../lib/notifications/deliver-due.ts";

const db = createDb(process.env.DATABASE_URL as string);
const until = Date.now() + Number(process.env.PASSES_MS ?? 3000);
const options = {
  senders: {
    SMS: textSender(
      { accountSid: "AC123", authToken: "secret", from: "+15550009999", apiUrl: process.env.SMS_API_URL as string },
      null,
    ),
    EMAIL: null,
  },
  smsCountryCode: "1",
  maxAttempts: 3,
  retryBaseMs: 1000,
  publicUrl: "http://trio.test",
  linkTtlDays: 30,
  batchSize: 3,
};
let sent = 0;
while (Date.now() < until) sent += (await deliverDue(db, options)).sent;
await closeDb(db);
console.log(JSON.stringify({ sent }));
