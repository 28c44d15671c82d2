import { getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { ok, publicOrigin, requireActor, route } from "@/lib/http/route.ts";
import { idSchema } from "@/lib/ids.ts";
import { issueHomeownerLink, listHomeownerLinks } from "@/lib/jobs/homeowner-links.ts";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = route<Params>("GET /api/jobs/:id/links", async (request, params) => {
  const actor = await requireActor(request);
  return ok(await listHomeownerLinks(getDb(), actor, idSchema.parse(params.id)));
});

export const POST = route<Params>("POST /api/jobs/:id/links", async (request, params) => {
  const actor = await requireActor(request);
  const link = await issueHomeownerLink(getDb(), actor, idSchema.parse(params.id), env().LINK_TTL_DAYS);
  return ok({ ...link, url: new URL(link.path, publicOrigin(request)).href }, 201);
});
