import { getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";
import { endpointRuleOf } from "@/lib/push/push-settings.ts";
import { removeSubscription, saveSubscription } from "@/lib/push/save-subscription.ts";
import { pushSubscriptionSchema, pushUnsubscribeSchema } from "@/lib/push/schemas.ts";

export const dynamic = "force-dynamic";

/** A subscription is a URL and two short keys: a few KB is plenty. */
const MAX_BODY_BYTES = 4096;

export const POST = route("POST /api/push/subscriptions", async (request) => {
  const actor = await requireActor(request);
  const input = pushSubscriptionSchema.parse(await readJson(request, MAX_BODY_BYTES));
  await saveSubscription(getDb(), actor, input, endpointRuleOf(env()));
  return ok({ subscribed: true }, 201);
});

export const DELETE = route("DELETE /api/push/subscriptions", async (request) => {
  const actor = await requireActor(request);
  const input = pushUnsubscribeSchema.parse(await readJson(request, MAX_BODY_BYTES));
  await removeSubscription(getDb(), actor, input);
  return ok({ subscribed: false });
});
