import { photoStore } from "@/lib/attachments/photo-store.ts";
import { photoNotFound, readPhoto } from "@/lib/attachments/read-photo.ts";
import { photoQuerySchema } from "@/lib/attachments/schemas.ts";
import { getDb } from "@/lib/db.ts";
import { requireActor, route } from "@/lib/http/route.ts";
import { isUuid } from "@/lib/ids.ts";

export const dynamic = "force-dynamic";
type Params = { id: string };

/** A photo's bytes (`?size=thumb` for its thumbnail), only to people who may see its message. */
export const GET = route<Params>("GET /api/photos/:id", async (request, params) => {
  const actor = await requireActor(request);
  // A malformed id is just another photo nobody has.
  if (!isUuid(params.id)) throw photoNotFound();
  const { size } = photoQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const photo = await readPhoto(getDb(), actor, params.id, size, photoStore());
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "content-type": photo.contentType,
      "content-length": String(photo.bytes.length),
      "content-disposition": `inline; filename="photo${size === "thumb" ? "-thumb" : ""}.jpg"`,
      "x-content-type-options": "nosniff",
      // A photo never changes; only this person's browser may keep it, and not for long (access can end).
      "cache-control": "private, max-age=3600",
    },
  });
});
