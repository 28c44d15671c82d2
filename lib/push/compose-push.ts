// What a push says, decided when it goes out: the job may have changed hands
// or been read on another device meanwhile. Only what the homeowner wrote
// (everyone sees it) and the job's own facts: never an internal note.
import type { Db } from "../db.ts";
import type { PushKind } from "../generated/prisma/enums.ts";
import type { PushPayload } from "./schemas.ts";

export type ClaimedPush = { id: string; userId: string; jobId: string; kind: PushKind; seq: number; attempts: number };

export type ComposedPush = { outcome: "send"; payload: PushPayload } | { outcome: "skip"; reason: string };

const MAX_BODY_CHARS = 120;

export async function composePush(db: Db, notice: ClaimedPush): Promise<ComposedPush> {
  const job = await db.job.findUnique({
    where: { id: notice.jobId },
    select: { number: true, title: true, address: true, technicianId: true, customer: { select: { name: true } } },
  });
  if (!job || job.technicianId !== notice.userId) return { outcome: "skip", reason: "no longer their job" };
  const reader = await db.participant.findUnique({
    where: { jobId_userId: { jobId: notice.jobId, userId: notice.userId } },
    select: { lastReadSeq: true },
  });
  const readUpTo = reader?.lastReadSeq ?? 0;
  const url = `/jobs/${notice.jobId}`;
  const tag = `job:${notice.jobId}`;
  if (notice.kind === "ASSIGNED") {
    if (readUpTo >= notice.seq && notice.seq > 0 && reader)
      return { outcome: "skip", reason: "they opened it already" };
    return {
      outcome: "send",
      payload: {
        title: `New job #${job.number}: ${job.title}`,
        body: cut([job.customer.name, job.address].filter(Boolean).join(" · "), MAX_BODY_CHARS),
        url,
        tag,
      },
    };
  }
  const unread = await db.message.findMany({
    where: {
      jobId: notice.jobId,
      seq: { gt: readUpTo, lte: notice.seq },
      visibility: "EVERYONE",
      kind: { in: ["TEXT", "PHOTO"] },
      author: { role: "HOMEOWNER" },
    },
    orderBy: { seq: "desc" },
    select: { body: true, kind: true },
  });
  const newest = unread[0];
  if (!newest) return { outcome: "skip", reason: "read meanwhile" };
  const said = newest.kind === "PHOTO" ? "sent a photo" : `“${newest.body}”`;
  return {
    outcome: "send",
    payload: {
      title: `${job.customer.name} · job #${job.number}`,
      body: cut(unread.length === 1 ? said : `${unread.length} new messages. Newest: ${said}`, MAX_BODY_CHARS),
      url,
      tag,
    },
  };
}

function cut(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}
