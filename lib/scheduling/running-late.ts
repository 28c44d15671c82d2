// When Trio itself says a visit runs late: pure rules, so a test can hold the clock.
import type { JobStatus } from "../generated/prisma/enums.ts";

export type LateFacts = {
  status: JobStatus;
  eta: Date | null;
  windowEnd: Date | null;
  runningLateSince: Date | null;
};

/** What slipped: the trip's ETA (on the way, not arrived) or the window (not on the way when it ended). */
export type Slip = { kind: "eta" | "window"; due: Date };

/**
 * Whether a job has slipped by more than `graceMs` at `now` and nobody has said
 * so yet. Once said, it stays said until a status step, a new ETA or a new
 * window clears it (trio_append_entry), so one slip makes one entry.
 */
export function findSlip(job: LateFacts, now: Date, graceMs: number): Slip | null {
  if (job.runningLateSince) return null;
  const past = (due: Date | null) => due !== null && now.getTime() > due.getTime() + graceMs;
  if (job.status === "EN_ROUTE" && past(job.eta)) return { kind: "eta", due: job.eta as Date };
  if ((job.status === "REQUESTED" || job.status === "SCHEDULED") && past(job.windowEnd)) {
    return { kind: "window", due: job.windowEnd as Date };
  }
  return null;
}

/** The honest entry: who is late, and that an update follows. */
export function describeRunningLate(technicianName: string | null): string {
  return technicianName
    ? `${technicianName} is running a little behind — we'll update you shortly.`
    : "We're running a little behind — we'll update you shortly.";
}
