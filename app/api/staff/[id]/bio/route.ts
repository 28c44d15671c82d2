import { getDb } from "@/lib/db.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";
import { idSchema } from "@/lib/ids.ts";
import { bioInputSchema } from "@/lib/staff/schemas.ts";
import { updateBio } from "@/lib/staff/update-bio.ts";

export const dynamic = "force-dynamic";

/** The bio on a technician's card, as homeowners read it. */
export const PUT = route<{ id: string }>("PUT /api/staff/:id/bio", async (request, params) => {
  const actor = await requireActor(request);
  const input = bioInputSchema.parse(await readJson(request));
  return ok(await updateBio(getDb(), actor, idSchema.parse(params.id), input));
});
