import { getDb } from "@/lib/db.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";
import { markRead } from "@/lib/messages/mark-read.ts";
import { readThreadInputSchema } from "@/lib/messages/schemas.ts";
import { publishRead } from "@/lib/realtime/broadcast.ts";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>("POST /api/jobs/:id/read", async (request, params) => {
  const actor = await requireActor(request);
  const body = await readJson(request);
  const input = readThreadInputSchema.parse({ ...(body as object), jobId: params.id });
  publishRead(await markRead(getDb(), actor, input.jobId, input.seq));
  return ok({});
});
