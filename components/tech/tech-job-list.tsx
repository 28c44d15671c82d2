"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { formatWaiting, formatWindow } from "@/lib/format/dates.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import { planTechnicianDay } from "@/lib/jobs/plan-technician-day.ts";
import { STATUS_LABEL } from "@/lib/jobs/status-machine.ts";
import { ClosedJobs } from "../jobs/closed-jobs.tsx";
import { LeftBehind } from "../offline/left-behind.tsx";
import { AccessEnded } from "../realtime/access-ended.tsx";
import { useConnection } from "../realtime/use-connection.ts";
import { useLiveJobs } from "../realtime/use-live-jobs.ts";

type Props = { initialJobs: JobSummary[]; userId: string; timeZone: string };

const STATUS_STYLE: Partial<Record<JobSummary["status"], string>> = {
  EN_ROUTE: "bg-blue-100 text-blue-900",
  ON_SITE: "bg-emerald-100 text-emerald-900",
};

/** A technician's jobs: today in the order of the day, then tomorrow and later, live. */
export function TechJobList({ initialJobs, userId, timeZone }: Props) {
  const mine = useCallback((job: JobSummary) => job.technician?.id === userId, [userId]);
  const { jobs } = useLiveJobs(initialJobs, mine);
  const connection = useConnection();
  const [showClosed, setShowClosed] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  // The day turns over and waits grow while the page stays open in a pocket.
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(tick);
  }, []);

  const groups = planTechnicianDay(jobs, timeZone, now);
  return (
    <>
      {connection === "ended" && <AccessEnded who="staff" />}
      <LeftBehind userId={userId} listed={jobs.map((job) => job.id)} timeZone={timeZone} />
      {groups.length === 0 && (
        <p className="p-6 text-lg text-slate-700">No jobs assigned to you right now. New ones will appear here.</p>
      )}
      {groups.map((group) => (
        <section key={group.part} aria-labelledby={`day-${group.part}`} className="px-3 pt-3">
          <h2 id={`day-${group.part}`} className="px-1 pb-2 text-lg font-semibold text-slate-800">
            {group.title} <span className="font-normal text-slate-700">({group.jobs.length})</span>
          </h2>
          <ul className="flex flex-col gap-3">
            {group.jobs.map((job) => (
              <li key={job.id}>
                <TechJobCard job={job} timeZone={timeZone} now={now} />
              </li>
            ))}
          </ul>
        </section>
      ))}
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
    </>
  );
}

function TechJobCard({ job, timeZone, now }: { job: JobSummary; timeZone: string; now: number }) {
  const unread = job.unread ?? 0;
  return (
    <Link
      href={`/jobs/${job.id}`}
      className="block rounded-2xl border border-slate-200 bg-white p-4 shadow-sm hover:border-blue-400"
      data-testid="tech-job"
    >
      <span className="flex items-start justify-between gap-2">
        <span className="text-base font-semibold text-slate-900">
          {job.windowStart && job.windowEnd
            ? formatWindow(job.windowStart, job.windowEnd, timeZone)
            : "No visit time yet"}
        </span>
        {unread > 0 && (
          <span
            className="shrink-0 rounded-full bg-blue-700 px-2.5 py-0.5 text-sm font-semibold text-white"
            data-testid="unread"
          >
            {unread} <span className="sr-only">unread</span>
          </span>
        )}
      </span>
      <span className="mt-1 block text-lg font-semibold">{job.customer.name}</span>
      <span className="block text-base text-slate-800">{job.title}</span>
      {job.customer.address && <span className="block text-base text-slate-700">{job.customer.address}</span>}
      <span className="mt-2 flex flex-wrap gap-2">
        <span
          className={`rounded-full px-2 py-0.5 text-sm font-medium ${STATUS_STYLE[job.status] ?? "bg-slate-100 text-slate-800"}`}
        >
          {STATUS_LABEL[job.status]}
        </span>
        {job.runningLateSince && (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900">
            Running late
          </span>
        )}
        {job.awaitingReplySince && (
          <span className="rounded-full bg-red-100 px-2 py-0.5 text-sm font-semibold text-red-900">
            Customer waiting {formatWaiting(job.awaitingReplySince, now)}
          </span>
        )}
      </span>
    </Link>
  );
}
