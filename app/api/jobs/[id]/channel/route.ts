import { getDb } from "@/lib/db.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";
import { idSchema } from "@/lib/ids.ts";
import { chooseChannelInputSchema } from "@/lib/notifications/schemas.ts";
import { chooseChannel, getUpdatesChannel } from "@/lib/notifications/updates-channel.ts";
import { publishDelivery } from "@/lib/realtime/broadcast.ts";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = route<Params>("GET /api/jobs/:id/channel", async (request, params) => {
  const actor = await requireActor(request);
  return ok(await getUpdatesChannel(getDb(), actor, idSchema.parse(params.id)));
});

export const PUT = route<Params>("PUT /api/jobs/:id/channel", async (request, params) => {
  const actor = await requireActor(request);
  const input = chooseChannelInputSchema.parse({ ...((await readJson(request)) as object), jobId: params.id });
  const chosen = await chooseChannel(getDb(), actor, input);
  publishDelivery(input.jobId);
  return ok(chosen);
});
