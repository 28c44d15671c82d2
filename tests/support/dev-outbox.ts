// One outbox pass as `npm start` runs it with no provider set up: every text
// and email goes to the DevDelivery table (/dev/outbox), answerable by email.

import { devSender } from "../../lib/channels/dev/record-dev-delivery.ts";
import { replyAddressFor } from "../../lib/channels/email/reply-address.ts";
import { getDb } from "../../lib/db.ts";
import { runOutbox } from "../../server/workers/deliver-notifications.ts";

export const deliverToDevOutbox = () =>
  runOutbox(getDb(), {
    senders: { SMS: devSender(getDb, "+15550100000"), EMAIL: devSender(getDb, "Acme <jobs@acme.test>") },
    smsCountryCode: "1",
    maxAttempts: 3,
    retryBaseMs: 1000,
    publicUrl: "http://trio.test",
    linkTtlDays: 30,
    intervalMs: 1000,
    messageDelaySeconds: 120,
    replyAddress: replyAddressFor,
  });
