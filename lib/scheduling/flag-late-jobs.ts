import type { Db } from "../db.ts";
import { type JobRow, jobSummarySelect } from "../jobs/job-view.ts";
import { appendTrioEntry } from "../messages/append-entry.ts";
import type { MessageView } from "../messages/message-view.ts";
import { describeRunningLate, findSlip } from "./running-late.ts";

/** Jobs one check looks at; the rest wait for the next check. */
const BATCH = 100;

export type LateNotice = { job: JobRow; message: MessageView };

/**
 * Finds visits that slipped (findSlip) and writes one running-late entry into
 * each thread, setting the job's runningLateSince in the same statement. The
 * entry goes in only while the job still stands as it was read (status, ETA,
 * window, not yet flagged), so a status tap or a new ETA landing meanwhile, or
 * another node's check, means no entry. Returns what was written, for the
 * caller to publish after commit.
 */
export async function flagLateJobs(db: Db, now: Date, graceMs: number): Promise<LateNotice[]> {
  const before = new Date(now.getTime() - graceMs);
  const candidates = await db.job.findMany({
    where: {
      runningLateSince: null,
      OR: [
        { status: "EN_ROUTE", eta: { lt: before } },
        { status: "SCHEDULED", windowEnd: { lt: before } },
      ],
    },
    select: jobSummarySelect,
    take: BATCH,
  });
  const notices: LateNotice[] = [];
  for (const job of candidates) {
    if (!findSlip(job, now, graceMs)) continue;
    const result = await appendTrioEntry(db, job, {
      kind: "SYSTEM",
      visibility: "EVERYONE",
      // Named only once the homeowner has been told who is coming.
      body: describeRunningLate(job.technicianId === job.announcedTechnicianId ? (job.technician?.name ?? null) : null),
      expect: { status: job.status, eta: job.eta, windowEnd: job.windowEnd, runningLate: false },
      change: { runningLate: true },
      notify: true,
    });
    if (result.outcome === "created") notices.push({ job: result.job, message: result.message });
  }
  return notices;
}
