import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { Viewer } from "./use-status-step.ts";

/** Why a technician can only read a job now: said on the screen, and in short on each message of theirs that did not go out. */
export type WritingStopped = { explanation: string; pending: string };

/**
 * A technician writes only in a job that is theirs and not canceled. The
 * screen says so the moment it changes (the office gave it to someone else,
 * took it back, canceled it), or when the server stops showing it to them.
 */
export function writingStopped(
  job: Pick<JobSummary, "status" | "technician">,
  viewer: Viewer,
  gone: boolean,
): WritingStopped | null {
  const readOnly = "You can still read it here, but you can no longer write in it.";
  if (job.technician && job.technician.id !== viewer.userId) {
    return {
      explanation: `This job was given to ${job.technician.name}. ${readOnly}`,
      pending: `This job was given to ${job.technician.name}.`,
    };
  }
  if (!job.technician || gone) {
    return {
      explanation: `The office took this job off your list. ${readOnly}`,
      pending: "This job is no longer yours.",
    };
  }
  if (job.status === "CANCELED") {
    return { explanation: `This job was canceled. ${readOnly}`, pending: "This job was canceled." };
  }
  return null;
}
