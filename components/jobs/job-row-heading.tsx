import type { JobSummary } from "@/lib/jobs/job-view.ts";
import { STATUS_LABEL } from "@/lib/jobs/status-machine.ts";

/** The first two lines of a job in a list: number, customer and status, then the title. */
export function JobRowHeading({ job }: { job: JobSummary }) {
  return (
    <>
      <span className="flex items-center justify-between gap-2">
        <span className="truncate font-semibold">
          #{job.number} · {job.customer.name}
        </span>
        <span className="shrink-0 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium">
          {STATUS_LABEL[job.status]}
        </span>
      </span>
      <span className="block truncate text-sm text-slate-800">{job.title}</span>
    </>
  );
}
