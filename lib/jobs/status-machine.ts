import type { JobStatusName } from "./schemas.ts";

// The one transition table. Any open state may be canceled.
const NEXT: Record<JobStatusName, readonly JobStatusName[]> = {
  REQUESTED: ["SCHEDULED", "CANCELED"],
  SCHEDULED: ["EN_ROUTE", "CANCELED"],
  EN_ROUTE: ["ON_SITE", "CANCELED"],
  ON_SITE: ["COMPLETED", "CANCELED"],
  COMPLETED: [],
  CANCELED: [],
};

export const STATUS_LABEL: Record<JobStatusName, string> = {
  REQUESTED: "Requested",
  SCHEDULED: "Scheduled",
  EN_ROUTE: "On the way",
  ON_SITE: "On site",
  COMPLETED: "Completed",
  CANCELED: "Canceled",
};

/**
 * Where a dispatcher's step back leads (completed → on site, …): the status
 * before, for a job that moved on by mistake. A canceled job goes back to
 * scheduled when it has an arrival window, else to requested.
 */
export function previousStatus(job: { status: JobStatusName; windowStart: unknown }): JobStatusName | null {
  switch (job.status) {
    case "REQUESTED":
      return null;
    case "SCHEDULED":
      return "REQUESTED";
    case "EN_ROUTE":
      return "SCHEDULED";
    case "ON_SITE":
      return "EN_ROUTE";
    case "COMPLETED":
      return "ON_SITE";
    case "CANCELED":
      return job.windowStart ? "SCHEDULED" : "REQUESTED";
  }
}

export function nextStatuses(from: JobStatusName): readonly JobStatusName[] {
  return NEXT[from];
}

export function canTransition(from: JobStatusName, to: JobStatusName): boolean {
  return NEXT[from].includes(to);
}

export function isOpen(status: JobStatusName): boolean {
  return NEXT[status].length > 0;
}

/** The main forward step, the one a technician's big button offers. */
export function forwardStatus(from: JobStatusName): JobStatusName | null {
  return NEXT[from].find((status) => status !== "CANCELED") ?? null;
}

/** The thread entry a step back writes: where the job is now, and why. */
export function describeStepBack(to: JobStatusName, reason: string): string {
  return `The job is back to “${STATUS_LABEL[to]}”. Why: ${reason}`;
}

/** The thread entry a status change writes, in words a homeowner understands. */
export function describeTransition(
  to: JobStatusName,
  actorName: string,
  technicianName: string | null,
  details: { summary?: string; etaClock?: string } = {},
): string {
  const tech = technicianName ?? "Your technician";
  const { summary, etaClock } = details;
  switch (to) {
    case "SCHEDULED":
      return "Your visit is scheduled.";
    case "EN_ROUTE":
      return etaClock ? `${tech} is on the way — arriving around ${etaClock}.` : `${tech} is on the way.`;
    case "ON_SITE":
      return `${tech} has arrived.`;
    case "COMPLETED":
      return summary ? `The job is complete.\nWork done: ${summary}` : "The job is complete.";
    case "CANCELED":
      return `The job was canceled by ${actorName}.`;
    case "REQUESTED":
      return "The job was reopened.";
  }
}
