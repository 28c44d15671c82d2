import { MAX_PHOTO_REQUEST_BYTES } from "@/lib/attachments/photo-limits.ts";
import { photoStore } from "@/lib/attachments/photo-store.ts";
import { postPhoto } from "@/lib/attachments/post-photo.ts";
import { PHOTO_PROBLEMS } from "@/lib/attachments/prepare-photo.ts";
import { postPhotoInputSchema } from "@/lib/attachments/schemas.ts";
import { getDb } from "@/lib/db.ts";
import { AppError } from "@/lib/errors.ts";
import { ok, readMultipartForm, requireActor, route } from "@/lib/http/route.ts";
import { idSchema } from "@/lib/ids.ts";
import { withinSendLimit } from "@/lib/limits/send-limit.ts";
import { publishMessage } from "@/lib/realtime/broadcast.ts";

export const dynamic = "force-dynamic";
type Params = { id: string };

const tooLarge = () => new AppError("payload_too_large", PHOTO_PROBLEMS.tooLarge);
const field = (form: FormData, name: string) => form.get(name) ?? undefined;

/** A photo in the job's thread (multipart/form-data: file, clientId, visibility?, caption?). */
export const POST = route<Params>("POST /api/jobs/:id/photos", async (request, params) => {
  const actor = await requireActor(request);
  const jobId = idSchema.parse(params.id);
  const form = await readMultipartForm(request, MAX_PHOTO_REQUEST_BYTES, tooLarge);
  const input = postPhotoInputSchema.parse({
    jobId,
    clientId: field(form, "clientId"),
    visibility: field(form, "visibility"),
    caption: field(form, "caption"),
    file: field(form, "file"),
  });
  const result = await withinSendLimit(getDb(), actor, input, () => postPhoto(getDb(), actor, input, photoStore()));
  if (result.created) publishMessage(result.message, result.job);
  return ok(result.message, result.created ? 201 : 200);
});
