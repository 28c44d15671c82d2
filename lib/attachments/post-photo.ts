import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor.ts";
import { jobScope, visibleTo } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError, jobNotFound } from "../errors.ts";
import type { JobRow } from "../jobs/job-view.ts";
import { appendEntry } from "../messages/append-entry.ts";
import type { MessageView } from "../messages/message-view.ts";
import { messageSelect, toMessageView } from "../messages/message-view.ts";
import { type PhotoStore, photoKeys, storageKeyFor } from "./photo-store.ts";
import { preparePhoto } from "./prepare-photo.ts";
import type { PostPhotoInput } from "./schemas.ts";

export type PostPhotoResult =
  | { message: MessageView; created: true; job: JobRow }
  | { message: MessageView; created: false };

/**
 * A photo in a job's thread: the one way to post (appendEntry, so the same
 * access check, seq, read mark and clientId idempotency as any message), with
 * the picture checked, stripped and stored first and its Attachment row
 * written in the same statement as the PHOTO entry. A repeated clientId
 * returns the stored message and stores nothing. Nothing is decoded or
 * stored for a job the sender can't see.
 */
export async function postPhoto(
  db: Db,
  actor: Actor,
  input: PostPhotoInput,
  store: PhotoStore,
): Promise<PostPhotoResult> {
  if (!visibleTo(actor).includes(input.visibility)) {
    throw new AppError("forbidden", "Only the company's staff can send staff-only photos.");
  }
  await assertCanSeeJob(db, actor, input.jobId);
  const stored = await storedEntry(db, actor, input.jobId, input.clientId);
  if (stored) return { message: stored, created: false };

  const photo = await preparePhoto(Buffer.from(await input.file.arrayBuffer()));
  const id = randomUUID();
  const storageKey = storageKeyFor(id);
  const keys = photoKeys(storageKey);
  const forget = () => Promise.all([store.remove(keys.full), store.remove(keys.thumb)]).catch(() => {});
  try {
    await store.put(keys.full, photo.full.bytes);
    await store.put(keys.thumb, photo.thumb.bytes);
  } catch (error) {
    await forget();
    throw error;
  }
  let result: Awaited<ReturnType<typeof appendEntry>>;
  try {
    result = await appendEntry(db, actor, input.jobId, {
      kind: "PHOTO",
      visibility: input.visibility,
      body: input.caption,
      clientId: input.clientId,
      attachment: {
        id,
        storageKey,
        contentType: photo.contentType,
        width: photo.full.width,
        height: photo.full.height,
        bytes: photo.full.bytes.length,
        thumbWidth: photo.thumb.width,
        thumbHeight: photo.thumb.height,
        thumbBytes: photo.thumb.bytes.length,
      },
    });
  } catch (error) {
    // Refused (the job is no longer theirs, the clientId is someone else's):
    // nothing refers to the files. Anything else may have failed after the
    // commit, so the files stay: a stray file costs less than a photo without its picture.
    if (error instanceof AppError) await forget();
    throw error;
  }
  if (result.outcome === "created") {
    const view = {
      id,
      width: photo.full.width,
      height: photo.full.height,
      thumbWidth: photo.thumb.width,
      thumbHeight: photo.thumb.height,
    };
    return { message: { ...result.message, photo: view }, job: result.job, created: true };
  }
  // The same upload landed meanwhile (a retry raced its original): theirs stands.
  await forget();
  const again = await storedEntry(db, actor, input.jobId, input.clientId);
  if (!again) throw jobNotFound();
  return { message: again, created: false };
}

async function assertCanSeeJob(db: Db, actor: Actor, jobId: string): Promise<void> {
  const scope = jobScope(actor, jobId);
  if (!scope) throw jobNotFound();
  const job = await db.job.findFirst({
    where: {
      id: jobId,
      companyId: scope.companyId,
      ...(scope.technicianId ? { technicianId: scope.technicianId } : {}),
    },
    select: { id: true },
  });
  if (!job) throw jobNotFound();
}

/** The entry already stored under this clientId, if it is the sender's own (someone else's is a conflict). */
async function storedEntry(db: Db, actor: Actor, jobId: string, clientId: string): Promise<MessageView | null> {
  const found = await db.message.findUnique({
    where: { jobId_clientId: { jobId, clientId } },
    select: { ...messageSelect, author: { select: { role: true, name: true, userId: true, customerId: true } } },
  });
  if (!found) return null;
  const mine =
    actor.kind === "staff" ? found.author?.userId === actor.userId : found.author?.customerId === actor.customerId;
  if (!mine) throw new AppError("conflict", "That message id is already taken. Send again.");
  if (!visibleTo(actor).includes(found.visibility)) throw jobNotFound();
  return toMessageView(found);
}
