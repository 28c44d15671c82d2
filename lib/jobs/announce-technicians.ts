import type { Db } from "../db.ts";
import { appendTrioEntry } from "../messages/append-entry.ts";
import type { MessageView } from "../messages/message-view.ts";
import { runStatement } from "../sql.ts";
import { type JobRow, jobSummarySelect } from "./job-view.ts";

/** Jobs one pass looks at; the rest wait for the next. */
const BATCH = 100;

// Jobs not yet on the way whose technician differs from the one the homeowner
// was told about, and has stayed the same for the settle time ($1: the cutoff).
const UNANNOUNCED = `
  SELECT "id" FROM "Job"
  WHERE "status" IN ('REQUESTED', 'SCHEDULED')
    AND "technicianId" IS DISTINCT FROM "announcedTechnicianId"
    AND COALESCE("technicianChangedAt", "createdAt") < $1
  LIMIT ${BATCH}`;

export type Announcement = { job: JobRow; message: MessageView };

/** What the homeowner reads about who is coming, given whom they were told about before. */
export function describeTechnician(technicianName: string | null, announcedBefore: boolean): string {
  if (!technicianName) return "We're arranging a new technician for your visit.";
  return announcedBefore
    ? `Change of plan: ${technicianName} will be your technician.`
    : `${technicianName} will be your technician.`;
}

/**
 * Tells each homeowner who is coming once the office's choice has settled
 * (no change for `settleMs`), so a dispatcher trying Sam, then Riley, reads
 * as one statement. The entry goes in only if the technician is still the
 * one read, and marks them announced in the same statement.
 */
export async function announceTechnicians(db: Db, now: Date, settleMs: number): Promise<Announcement[]> {
  const rows = await runStatement<{ id: string }>(db, "trio_unannounced_technicians", UNANNOUNCED, [
    new Date(now.getTime() - settleMs),
  ]);
  if (rows.length === 0) return [];
  const jobs = await db.job.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    select: jobSummarySelect,
  });
  const announcements: Announcement[] = [];
  for (const job of jobs) {
    const result = await appendTrioEntry(db, job, {
      kind: "SYSTEM",
      visibility: "EVERYONE",
      body: describeTechnician(job.technician?.name ?? null, job.announcedTechnicianId !== null),
      expect: { status: job.status, technicianId: job.technicianId },
      change: { announceTechnician: true },
    });
    if (result.outcome === "created") announcements.push({ job: result.job, message: result.message });
  }
  return announcements;
}
