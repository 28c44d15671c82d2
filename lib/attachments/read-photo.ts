import type { Actor } from "../auth/actor.ts";
import { canSeeEntry } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { type PhotoStore, photoKeys } from "./photo-store.ts";
import type { PhotoSize } from "./schemas.ts";

/**
 * `bytes` null: the browser's copy (`ifNoneMatch`) is still this photo, and
 * the reader may still see it. A photo never changes, so its id and size are
 * its entity tag.
 */
export type PhotoRead = { etag: string; contentType: string; bytes: Buffer | null };

/** If-None-Match by RFC 9110: a list of tags, weak ones too (`W/"…"`), or `*`. */
function stillFresh(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}

/** Unknown, another company's, a job the reader no longer holds, staff-only to a homeowner: all the same. */
export const photoNotFound = () => new AppError("not_found", "We couldn't find that photo.");

/**
 * A photo's bytes for someone who may see its message: the job's homeowner
 * (messages to everyone only), its technician while assigned, its company's
 * office (lib/auth/policy.ts). Everyone else learns nothing, not even that
 * it exists. Access is asked on every read, a browser's copy included.
 */
export async function readPhoto(
  db: Db,
  actor: Actor,
  id: string,
  size: PhotoSize,
  store: PhotoStore,
  ifNoneMatch: string | null = null,
): Promise<PhotoRead> {
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
  const etag = `"${id}-${size}"`;
  if (stillFresh(ifNoneMatch, etag)) return { etag, contentType: photo.contentType, bytes: null };
  const keys = photoKeys(photo.storageKey);
  const bytes = await store.get(size === "thumb" ? keys.thumb : keys.full);
  if (!bytes) {
    console.warn(`[trio] photo ${id} has no ${size} file in the store`);
    throw photoNotFound();
  }
  return { etag, contentType: photo.contentType, bytes };
}
