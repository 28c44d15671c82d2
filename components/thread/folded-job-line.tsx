"use client";

import type { JobSummary } from "@/lib/jobs/job-view.ts";
import { ReconnectingNote, StatusLine } from "./status-line.tsx";

type Props = { job: JobSummary; timeZone: string; reconnecting: boolean; onExpand: () => void };

/**
 * The job's top folded to one line (its status) while someone types or scrolls
 * on a small screen: the conversation gets the height. "Details" opens it
 * again. `data-folded` lets the page's top bar step aside too (app/jobs/[id]).
 */
export function FoldedJobLine({ job, timeZone, reconnecting, onExpand }: Props) {
  return (
    <section
      aria-label="Job"
      data-folded
      className="flex items-center gap-2 border-b border-slate-200 bg-white py-1 pr-1 pl-4"
    >
      <StatusLine job={job} timeZone={timeZone} className="min-w-0 flex-1 truncate text-base" />
      {reconnecting && <ReconnectingNote />}
      <button
        type="button"
        aria-expanded={false}
        onClick={onExpand}
        className="min-h-11 shrink-0 rounded-lg px-3 text-base font-medium text-blue-800 underline"
      >
        Details
      </button>
    </section>
  );
}
