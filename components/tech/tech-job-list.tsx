"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { formatWaiting } from "@/lib/format/dates.ts";
import { describeStatus } from "@/lib/jobs/describe-status.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import { ClosedJobs } from "../jobs/closed-jobs.tsx";
import { AccessEnded } from "../realtime/access-ended.tsx";
import { useConnection } from "../realtime/use-connection.ts";
import { useLiveJobs } from "../realtime/use-live-jobs.ts";

type Props = { initialJobs: JobSummary[]; userId: string; timeZone: string };

export function TechJobList({ initialJobs, userId, timeZone }: Props) {
  const mine = useCallback((job: JobSummary) => job.technician?.id === userId, [userId]);
  const jobs = useLiveJobs(initialJobs, mine);
  const connection = useConnection();
  const [showClosed, setShowClosed] = useState(false);
  const ended = connection === "ended" && <AccessEnded who="staff" />;
  const closed = (
    <section aria-label="Closed jobs" className="mt-4 border-t border-slate-200">
      <button
        type="button"
        aria-expanded={showClosed}
        onClick={() => setShowClosed((shown) => !shown)}
        className="min-h-12 w-full px-4 text-left text-lg font-semibold text-blue-800 underline"
      >
        {showClosed ? "Hide closed jobs" : "Closed jobs"}
      </button>
      {showClosed && <ClosedJobs timeZone={timeZone} />}
    </section>
  );

  if (jobs.length === 0) {
    return (
      <>
        {ended}
        <p className="p-6 text-lg text-slate-700">No jobs assigned to you right now. New ones will appear here.</p>
        {closed}
      </>
    );
  }
  return (
    <>
      {ended}
      <ul className="flex flex-col gap-3 p-3">
        {jobs.map((job) => (
          <li key={job.id}>
            <Link
              href={`/jobs/${job.id}`}
              className="block rounded-2xl border border-slate-200 bg-white p-4 shadow-sm hover:border-blue-400"
              data-testid="tech-job"
            >
              <span className="flex items-center justify-between gap-2">
                <span className="text-lg font-semibold">{job.customer.name}</span>
                {(job.unread ?? 0) > 0 && (
                  <span className="rounded-full bg-blue-700 px-2 py-0.5 text-sm font-semibold text-white">
                    {job.unread} <span className="sr-only">unread</span>
                  </span>
                )}
              </span>
              <span className="block text-base text-slate-800">{job.title}</span>
              <span className="block text-base text-slate-700">{job.customer.address}</span>
              <span className="mt-2 block text-base font-medium text-emerald-900">{describeStatus(job, timeZone)}</span>
              {job.awaitingReplySince && (
                <span className="mt-1 inline-block rounded-full bg-red-100 px-2 py-0.5 text-sm font-semibold text-red-900">
                  Customer waiting {formatWaiting(job.awaitingReplySince)}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      {closed}
    </>
  );
}
