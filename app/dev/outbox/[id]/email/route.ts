import { getDevEmailHtml } from "@/lib/channels/dev/list-dev-deliveries.ts";
import { devOutboxOn } from "@/lib/channels/senders.ts";
import { getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { AppError } from "@/lib/errors.ts";
import { requireActor, route } from "@/lib/http/route.ts";
import { idSchema } from "@/lib/ids.ts";

export const dynamic = "force-dynamic";

/**
 * An email's HTML as the homeowner's mail app would show it, framed by the
 * /dev/outbox page. Its own policy: no script at all, inline styles (as
 * emails have), framed only by Trio itself.
 */
export const GET = route<{ id: string }>("GET /dev/outbox/:id/email", async (request, params) => {
  if (!devOutboxOn(env())) throw new AppError("not_found", "Not found.");
  const actor = await requireActor(request);
  const html = await getDevEmailHtml(getDb(), actor, idSchema.parse(params.id));
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
      "x-frame-options": "SAMEORIGIN",
    },
  });
});
