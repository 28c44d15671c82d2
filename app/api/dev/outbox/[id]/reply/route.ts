import { replyAsHomeowner } from "@/lib/channels/dev/reply-as-homeowner.ts";
import { devReplyInputSchema } from "@/lib/channels/dev/schemas.ts";
import { devOutboxOn } from "@/lib/channels/senders.ts";
import { getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { AppError } from "@/lib/errors.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";

export const dynamic = "force-dynamic";

/** /dev/outbox's "reply as the homeowner": through the same inbound path as a real reply. */
export const POST = route<{ id: string }>("POST /api/dev/outbox/:id/reply", async (request, params) => {
  if (!devOutboxOn(env())) throw new AppError("not_found", "Not found.");
  const actor = await requireActor(request);
  const input = devReplyInputSchema.parse({ ...((await readJson(request)) as object), id: params.id });
  return ok(await replyAsHomeowner(getDb(), actor, input));
});
