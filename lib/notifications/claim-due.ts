import type { Db } from "../db.ts";
import type { Channel, NotificationKind } from "../generated/prisma/enums.ts";
import { claimDueRows } from "../outbox/claim-due-rows.ts";

export type ClaimedNotification = {
  id: string;
  companyId: string;
  jobId: string;
  participantId: string | null;
  userId: string | null;
  kind: NotificationKind;
  channel: Exclude<Channel, "WEB">;
  to: string;
  seq: number | null;
  attempts: number;
  /** When it was queued: a staff alert tells of the wait that had begun by then. */
  createdAt: Date;
};

const COLUMNS = [
  "id",
  "companyId",
  "jobId",
  "participantId",
  "userId",
  "kind",
  "channel",
  "to",
  "seq",
  "attempts",
  "createdAt",
] as const satisfies readonly (keyof ClaimedNotification)[];

/** The notifications due now, held for this worker (lib/outbox/claim-due-rows.ts); a step's in order of its seq. */
export async function claimDue(
  db: Db,
  { limit, holdMs, now = new Date() }: { limit: number; holdMs: number; now?: Date },
): Promise<ClaimedNotification[]> {
  const claimed = await claimDueRows<ClaimedNotification>(db, "Notification", COLUMNS, { limit, holdMs, now });
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.seq ?? 0) - (b.seq ?? 0));
}
