import { formatShortWhen } from "@/lib/format/dates.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { JobStatusName } from "@/lib/jobs/schemas.ts";

const STEPS: { status: JobStatusName; label: string }[] = [
  { status: "REQUESTED", label: "Requested" },
  { status: "SCHEDULED", label: "Scheduled" },
  { status: "EN_ROUTE", label: "On the way" },
  { status: "ON_SITE", label: "On site" },
  { status: "COMPLETED", label: "Done" },
];

/** Where the job is in its journey, with the time each step was reached. */
export function JobProgress({ job, timeZone }: { job: JobSummary; timeZone: string }) {
  if (job.status === "CANCELED") return null;
  const current = STEPS.findIndex((step) => step.status === job.status);
  return (
    <ol
      aria-label="Progress"
      className="grid grid-cols-5 gap-1 border-b border-slate-200 bg-white px-2 py-2 text-center"
    >
      {STEPS.map((step, index) => {
        const reached = index <= current;
        const at = step.status === "REQUESTED" ? (job.steps.REQUESTED ?? job.createdAt) : job.steps[step.status];
        return (
          <li
            key={step.status}
            aria-current={index === current ? "step" : undefined}
            className={`flex flex-col items-center text-xs ${reached ? "text-slate-900" : "text-slate-600"}`}
          >
            <span
              aria-hidden="true"
              className={`mb-1 h-2.5 w-full rounded-full ${reached ? "bg-emerald-600" : "bg-slate-200"}`}
            />
            <span className={index === current ? "font-semibold" : ""}>
              {step.label}
              <span className="sr-only">{reached ? (index === current ? ", now" : ", done") : ", not yet"}</span>
            </span>
            {reached && at && <span className="text-[0.7rem] text-slate-700">{formatShortWhen(at, timeZone)}</span>}
          </li>
        );
      })}
    </ol>
  );
}
