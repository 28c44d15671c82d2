import { getDb } from "@/lib/db.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";
import { idSchema } from "@/lib/ids.ts";
import { deleteQuickReply } from "@/lib/quick-replies/delete-quick-reply.ts";
import { updateQuickReplyInputSchema } from "@/lib/quick-replies/schemas.ts";
import { updateQuickReply } from "@/lib/quick-replies/update-quick-reply.ts";

export const dynamic = "force-dynamic";
type Params = { id: string };

/** New words, a new place in the list, or both: the office. */
export const PATCH = route<Params>("PATCH /api/quick-replies/:id", async (request, params) => {
  const actor = await requireActor(request);
  const id = idSchema.parse(params.id);
  const input = updateQuickReplyInputSchema.parse(await readJson(request));
  return ok(await updateQuickReply(getDb(), actor, id, input));
});

export const DELETE = route<Params>("DELETE /api/quick-replies/:id", async (request, params) => {
  const actor = await requireActor(request);
  return ok(await deleteQuickReply(getDb(), actor, idSchema.parse(params.id)));
});
