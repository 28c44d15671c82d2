import type { Db } from "../db.ts";
import type { MessageKind, Visibility } from "../generated/prisma/enums.ts";
import { type MessageView, messageSelect, toMessageView } from "./message-view.ts";

type Entry = {
  jobId: string;
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
 * Call inside a transaction that holds the job's row lock; a rollback gives the
 * seq back, so seqs stay gapless.
 */
export async function appendEntry(tx: Db, entry: Entry): Promise<MessageView> {
  const { lastSeq } = await tx.job.update({
    where: { id: entry.jobId },
    data: { lastSeq: { increment: 1 } },
    select: { lastSeq: true },
  });
  if (entry.visibility === "EVERYONE") {
    await tx.job.update({ where: { id: entry.jobId }, data: { lastPublicSeq: lastSeq, publicUpdatedAt: new Date() } });
  }
  const row = await tx.message.create({
    data: { ...entry, seq: lastSeq, clientId: entry.clientId ?? `server:${entry.kind.toLowerCase()}:${lastSeq}` },
    select: messageSelect,
  });
  return toMessageView(row);
}
