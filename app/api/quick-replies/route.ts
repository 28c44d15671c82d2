import { getDb } from "@/lib/db.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";
import { createQuickReply } from "@/lib/quick-replies/create-quick-reply.ts";
import { listQuickReplies } from "@/lib/quick-replies/list-quick-replies.ts";
import { createQuickReplyInputSchema } from "@/lib/quick-replies/schemas.ts";

export const dynamic = "force-dynamic";

/** The company's quick replies, in order: any staff member. */
export const GET = route("GET /api/quick-replies", async (request) => {
  const actor = await requireActor(request);
  return ok(await listQuickReplies(getDb(), actor));
});

/** A new quick reply at the end of the list: the office. */
export const POST = route("POST /api/quick-replies", async (request) => {
  const actor = await requireActor(request);
  const input = createQuickReplyInputSchema.parse(await readJson(request));
  return ok(await createQuickReply(getDb(), actor, input), 201);
});
