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
  const photo = await readPhoto(getDb(), actor, params.id, size, photoStore(), request.headers.get("if-none-match"));
  // Only this person's browser may keep it, and it asks again each time (access can end at any moment);
  // while it may still see the photo, the answer is a bodiless 304.
  const cache = { etag: photo.etag, "cache-control": "private, no-cache" };
  if (!photo.bytes) return new Response(null, { status: 304, headers: cache });
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      ...cache,
      "content-type": photo.contentType,
      "content-length": String(photo.bytes.length),
      "content-disposition": `inline; filename="photo${size === "thumb" ? "-thumb" : ""}.jpg"`,
      "x-content-type-options": "nosniff",
    },
  });
});
