import type { Db } from "../db.ts";
import type { MessageKind, Visibility } from "../generated/prisma/enums.ts";
import { type JobRow, jobSummarySelect } from "../jobs/job-view.ts";
import { type MessageView, messageSelect, toMessageView } from "./message-view.ts";

type Entry = {
  authorId: string;
  kind: MessageKind;
  visibility: Visibility;
  body: string;
  /**
   * Made by the client for TEXT. Entries the server writes get `server:<kind>:<seq>`:
   * the colon is outside what clients may send, so no client can take one first.
   */
  clientId?: string;
};

/**
 * The one way a thread grows: take the job's next seq and insert the entry.
 * `job` is the row the caller locked (lockVisibleJob) in this transaction, so
 * its `lastSeq` is current; a rollback gives the seq back, so seqs stay
 * gapless. Returns the entry and the job as it now stands.
 */
export async function appendEntry(tx: Db, job: JobRow, entry: Entry): Promise<{ message: MessageView; job: JobRow }> {
  const seq = job.lastSeq + 1;
  // Entries everyone sees are also what homeowners count as progress.
  const publicProgress = entry.visibility === "EVERYONE" ? { lastPublicSeq: seq, publicUpdatedAt: new Date() } : {};
  const updated = await tx.job.update({
    where: { id: job.id },
    data: { lastSeq: seq, ...publicProgress },
    select: jobSummarySelect,
  });
  const row = await tx.message.create({
    data: { ...entry, jobId: job.id, seq, clientId: entry.clientId ?? `server:${entry.kind.toLowerCase()}:${seq}` },
    select: messageSelect,
  });
  return { message: toMessageView(row), job: updated };
}
