import { formatArrival, formatWindow } from "../format/dates.ts";
import type { JobSummary } from "./job-view.ts";
import { STATUS_LABEL } from "./status-machine.ts";

/** The status line at the top of a thread, in plain words. */
export function describeStatus(job: JobSummary, timeZone: string): string {
  const window = job.windowStart && job.windowEnd ? formatWindow(job.windowStart, job.windowEnd, timeZone) : null;
  const tech = job.technician?.name;
  const late = job.runningLateSince ? " — running a little behind" : "";
  switch (job.status) {
    case "REQUESTED":
      return late ? `Request received${late}` : "Request received. We'll schedule a visit soon.";
    case "SCHEDULED":
      return window ? `Scheduled for ${window}${late}` : `Scheduled${late}`;
    case "EN_ROUTE":
      return `${tech ?? "Your technician"} is on the way${
        late || (job.eta ? ` — arriving around ${formatArrival(job.eta, timeZone)}` : "")
      }`;
    case "ON_SITE":
      return `${tech ?? "Your technician"} is on site`;
    default:
      return STATUS_LABEL[job.status];
  }
}
