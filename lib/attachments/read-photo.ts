import type { Actor } from "../auth/actor.ts";
import { canSeeEntry } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { type PhotoStore, photoKeys } from "./photo-store.ts";
import type { PhotoSize } from "./schemas.ts";

export type PhotoBytes = { bytes: Buffer; contentType: string };

/** Unknown, another company's, a job the reader no longer holds, staff-only to a homeowner: all the same. */
export const photoNotFound = () => new AppError("not_found", "We couldn't find that photo.");

/**
 * A photo's bytes for someone who may see its message: the job's homeowner
 * (messages to everyone only), its technician while assigned, its company's
 * office (lib/auth/policy.ts). Everyone else learns nothing, not even that
 * it exists.
 */
export async function readPhoto(
  db: Db,
  actor: Actor,
  id: string,
  size: PhotoSize,
  store: PhotoStore,
): Promise<PhotoBytes> {
  const photo = await db.attachment.findUnique({
    where: { id },
    select: {
      storageKey: true,
      contentType: true,
      message: { select: { visibility: true } },
      job: { select: { id: true, companyId: true, technicianId: true, status: true } },
    },
  });
  if (!photo || !canSeeEntry(actor, photo.job, photo.message.visibility)) throw photoNotFound();
  const keys = photoKeys(photo.storageKey);
  const bytes = await store.get(size === "thumb" ? keys.thumb : keys.full);
  if (!bytes) {
    console.warn(`[trio] photo ${id} has no ${size} file in the store`);
    throw photoNotFound();
  }
  return { bytes, contentType: photo.contentType };
}
