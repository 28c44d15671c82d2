import { describeStatus } from "@/lib/jobs/describe-status.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";

/** The job's status in words, as everyone reads it at the top of a thread. */
export function StatusLine({ job, timeZone, className }: { job: JobSummary; timeZone: string; className: string }) {
  return (
    <p
      className={`font-semibold outline-none ${className}`}
      role="status"
      data-status-line
      data-testid="status-line"
      tabIndex={-1}
    >
      <span className="sr-only">Status: </span>
      {describeStatus(job, timeZone)}
    </p>
  );
}

/** Shown beside the status while the live connection is being made again. */
export function ReconnectingNote() {
  return (
    <span className="shrink-0 rounded-full bg-amber-100 px-3 py-1 text-sm text-amber-900" role="status">
      Reconnecting…
    </span>
  );
}
