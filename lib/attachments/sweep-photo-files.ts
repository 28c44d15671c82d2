import type { Db } from "../db.ts";
import { type PhotoStore, storageKeyOf } from "./photo-store.ts";

/**
 * A photo's files are stored before its row is written (post-photo.ts), so a
 * file younger than this may belong to a post still in flight: it stays.
 */
export const SWEEP_MIN_AGE_MS = 60 * 60 * 1000;

/** Photos asked about per query. */
const BATCH_SIZE = 500;

export type SweepPhotoFilesResult = { photoFiles: number; unfinishedFiles: number };

/**
 * Deletes the stored files no Attachment row refers to (a crash between
 * storing and posting, a post that failed after storing, a job deleted with
 * its rows) and what unfinished writes left, all older than SWEEP_MIN_AGE_MS.
 * A file is judged by its storageKey, the column the rows point with: a file
 * whose row exists is never removed.
 */
export async function sweepPhotoFiles(db: Db, store: PhotoStore, now = new Date()): Promise<SweepPhotoFilesResult> {
  const before = new Date(now.getTime() - SWEEP_MIN_AGE_MS);
  let photoFiles = 0;
  // storageKey → its old files (a photo's full picture and thumbnail)
  let batch = new Map<string, string[]>();
  const removeUnreferenced = async () => {
    const referenced = await db.attachment.findMany({
      where: { storageKey: { in: [...batch.keys()] } },
      select: { storageKey: true },
    });
    for (const row of referenced) batch.delete(row.storageKey);
    for (const keys of batch.values()) {
      for (const key of keys) await store.remove(key);
      photoFiles += keys.length;
    }
    batch = new Map();
  };

  for await (const file of store.list()) {
    if (file.modifiedAt >= before) continue;
    const storageKey = storageKeyOf(file.key);
    batch.set(storageKey, [...(batch.get(storageKey) ?? []), file.key]);
    if (batch.size >= BATCH_SIZE) await removeUnreferenced();
  }
  if (batch.size > 0) await removeUnreferenced();
  const unfinishedFiles = await store.removeUnfinished(before);
  return { photoFiles, unfinishedFiles };
}
