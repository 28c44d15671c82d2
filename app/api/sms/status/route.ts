import { readSignedWebhook } from "@/lib/channels/sms/read-signed-webhook.ts";
import { recordDeliveryStatus } from "@/lib/channels/sms/record-delivery-status.ts";
import { statusCallbackSchema } from "@/lib/channels/sms/schemas.ts";
import { getDb } from "@/lib/db.ts";
import { webhookRoute } from "@/lib/http/route.ts";
import { publishDelivery } from "@/lib/realtime/broadcast.ts";

export const dynamic = "force-dynamic";

const NAME = "POST /api/sms/status";

/** Twilio's StatusCallback for the texts Trio sends (docs/sms.md): 200 with no body, known text or not. */
export const POST = webhookRoute(NAME, async (request) => {
  const fields = statusCallbackSchema.parse(await readSignedWebhook(request, NAME));
  const result = await recordDeliveryStatus(getDb(), {
    messageSid: fields.MessageSid,
    status: fields.MessageStatus,
    errorCode: fields.ErrorCode,
    to: fields.To,
  });
  // Staff with the thread open see how the text went.
  if (result.outcome === "updated") publishDelivery(result.jobId);
  return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
});
