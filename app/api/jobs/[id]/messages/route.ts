import { getDb } from "@/lib/db.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";
import { idSchema } from "@/lib/ids.ts";
import { withinSendLimit } from "@/lib/limits/send-limit.ts";
import { listMessages } from "@/lib/messages/list-messages.ts";
import { listMessagesQuerySchema, sendMessageInputSchema } from "@/lib/messages/schemas.ts";
import { sendMessage } from "@/lib/messages/send-message.ts";
import { publishMessage } from "@/lib/realtime/broadcast.ts";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = route<Params>("GET /api/jobs/:id/messages", async (request, params) => {
  const actor = await requireActor(request);
  const jobId = idSchema.parse(params.id);
  const { afterSeq } = listMessagesQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return ok(await listMessages(getDb(), actor, jobId, afterSeq));
});

export const POST = route<Params>("POST /api/jobs/:id/messages", async (request, params) => {
  const actor = await requireActor(request);
  const body = await readJson(request);
  const input = sendMessageInputSchema.parse({ ...(body as object), jobId: params.id });
  const result = await withinSendLimit(getDb(), actor, input, () => sendMessage(getDb(), actor, input));
  if (result.created) publishMessage(result.message, result.job);
  return ok(result.message, result.created ? 201 : 200);
});
