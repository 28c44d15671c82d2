import { readSignedWebhook } from "@/lib/channels/sms/read-signed-webhook.ts";
import { receiveText } from "@/lib/channels/sms/receive-text.ts";
import { inboundTextSchema } from "@/lib/channels/sms/schemas.ts";
import { twimlResponse } from "@/lib/channels/sms/twiml.ts";
import { getDb } from "@/lib/db.ts";
import { webhookRoute } from "@/lib/http/route.ts";
import { publishChange, publishDelivery } from "@/lib/realtime/broadcast.ts";

export const dynamic = "force-dynamic";

const NAME = "POST /api/sms/inbound";

/**
 * Twilio's "A message comes in" webhook (docs/sms.md). Answered with TwiML:
 * empty, or a reply texted back (HELP, a picture-only text). A failure
 * answers 5xx, and Twilio may try again: the MessageSid keeps it to one post.
 */
export const POST = webhookRoute(NAME, async (request) => {
  const fields = inboundTextSchema.parse(await readSignedWebhook(request, NAME));
  const result = await receiveText(getDb(), {
    from: fields.From,
    body: fields.Body,
    messageSid: fields.MessageSid,
    numMedia: fields.NumMedia,
    optOutType: fields.OptOutType,
  });
  if (result.outcome === "posted") publishChange({ job: result.job, message: result.message });
  // Staff with the thread open see that the number texted STOP (or START).
  if ((result.outcome === "opted_out" || result.outcome === "opted_in") && result.jobId) publishDelivery(result.jobId);
  if ("reply" in result) return twimlResponse(result.reply);
  return twimlResponse();
});
