import { createPasswordReset } from "@/lib/auth/create-password-reset.ts";
import { getDb } from "@/lib/db.ts";
import { ok, publicOrigin, requireActor, route } from "@/lib/http/route.ts";
import { idSchema } from "@/lib/ids.ts";

export const dynamic = "force-dynamic";
type Params = { id: string };

/** A one-time link for a staff member to choose a new password: shown in this answer only. */
export const POST = route<Params>("POST /api/staff/:id/password-resets", async (request, params) => {
  const actor = await requireActor(request);
  const reset = await createPasswordReset(getDb(), actor, idSchema.parse(params.id));
  return ok({ ...reset, url: new URL(reset.path, publicOrigin(request)).href }, 201);
});
