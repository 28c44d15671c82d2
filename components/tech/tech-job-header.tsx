"use client";

import { mapsHref, telHref } from "@/lib/format/contact-links.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import { FoldedJobLine } from "../thread/folded-job-line.tsx";
import { ReconnectingNote, StatusLine } from "../thread/status-line.tsx";

type Props = {
  job: JobSummary;
  timeZone: string;
  /** The homeowner's phone, for a tap to call (staff only; null when none is on file). */
  customerPhone: string | null;
  /** Folded to one line while the technician types or scrolls: the conversation gets the height. */
  collapsed: boolean;
  onExpand: () => void;
  reconnecting: boolean;
};

const BUTTON =
  "inline-flex min-h-12 items-center justify-center rounded-xl border border-blue-700 px-4 text-base font-semibold text-blue-800 hover:bg-blue-50";

/** The job at the top of a technician's screen: status, who and where, a tap to call or to get directions. */
export function TechJobHeader({ job, timeZone, customerPhone, collapsed, onExpand, reconnecting }: Props) {
  if (collapsed) return <FoldedJobLine job={job} timeZone={timeZone} reconnecting={reconnecting} onExpand={onExpand} />;
  const firstName = job.customer.name.split(/\s+/)[0] ?? job.customer.name;
  return (
    <section aria-label="Job" className="border-b border-slate-200 bg-white px-4 py-2">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm text-slate-700">
            Job #{job.number} · {job.title}
          </p>
          <StatusLine job={job} timeZone={timeZone} className="text-lg" />
          <p className="text-base text-slate-800">
            {job.customer.name}
            {job.customer.address && <span className="text-slate-700"> · {job.customer.address}</span>}
          </p>
        </div>
        {reconnecting && <ReconnectingNote />}
      </div>
      {(customerPhone || job.customer.address) && (
        <div className="mt-2 flex gap-2">
          {customerPhone && (
            <a
              href={telHref(customerPhone)}
              className={BUTTON}
              aria-label={`Call ${job.customer.name}, ${customerPhone}`}
            >
              Call {firstName}
            </a>
          )}
          {job.customer.address && (
            <a
              href={mapsHref(job.customer.address)}
              target="_blank"
              rel="noopener noreferrer"
              className={BUTTON}
              aria-label={`Directions to ${job.customer.address} (opens maps)`}
            >
              Directions
            </a>
          )}
        </div>
      )}
    </section>
  );
}
