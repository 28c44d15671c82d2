// What a push says, decided when it goes out: the job may have changed hands
// or been read on another device meanwhile. Only what the homeowner wrote
// (everyone sees it) and the job's own facts: never an internal note.
import type { Db } from "../db.ts";
import { formatWaiting } from "../format/dates.ts";
import type { PushKind } from "../generated/prisma/enums.ts";
import type { PushPayload } from "./schemas.ts";

export type ClaimedPush = {
  id: string;
  userId: string;
  jobId: string;
  kind: PushKind;
  seq: number;
  attempts: number;
  /** When it was queued: a waiting alert tells of the wait that had begun by then. */
  createdAt: Date;
};

export type ComposedPush = { outcome: "send"; payload: PushPayload } | { outcome: "skip"; reason: string };

const MAX_BODY_CHARS = 120;

export async function composePush(db: Db, notice: ClaimedPush, now = new Date()): Promise<ComposedPush> {
  const job = await db.job.findUnique({
    where: { id: notice.jobId },
    select: {
      number: true,
      title: true,
      address: true,
      companyId: true,
      technicianId: true,
      awaitingReplySince: true,
      customer: { select: { name: true } },
    },
  });
  if (notice.kind === "WAITING") return job ? composeWaiting(db, notice, job, now) : skip("no longer their job");
  if (!job || job.technicianId !== notice.userId) return skip("no longer their job");
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

const skip = (reason: string): ComposedPush => ({ outcome: "skip", reason });

/** A homeowner still waiting, to someone still theirs to answer: the job's technician or the office. */
async function composeWaiting(
  db: Db,
  notice: ClaimedPush,
  job: {
    number: number;
    title: string;
    companyId: string;
    technicianId: string | null;
    awaitingReplySince: Date | null;
    customer: { name: string };
  },
  now: Date,
): Promise<ComposedPush> {
  // Answered, or answered and begun again since it was queued (a late retry): the next wait has its own alert.
  if (!job.awaitingReplySince || job.awaitingReplySince > notice.createdAt) return skip("answered meanwhile");
  if (job.technicianId !== notice.userId) {
    // The office of the job's company, in the company they act in (their first membership, as they sign in).
    const acting = await db.membership.findFirst({
      where: { userId: notice.userId },
      orderBy: { createdAt: "asc" },
      select: { companyId: true, role: true },
    });
    if (acting?.companyId !== job.companyId || acting.role === "TECHNICIAN") return skip("no longer their job");
  }
  return {
    outcome: "send",
    payload: {
      title: `${job.customer.name} is waiting for an answer`,
      body: cut(
        `Waiting ${formatWaiting(job.awaitingReplySince.toISOString(), now.getTime())} · job #${job.number}: ${job.title}`,
        MAX_BODY_CHARS,
      ),
      url: `/jobs/${notice.jobId}`,
      tag: `job:${notice.jobId}`,
    },
  };
}

function cut(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}
