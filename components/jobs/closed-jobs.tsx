"use client";

import Link from "next/link";
import { type FormEvent, useEffect, useState } from "react";
import { formatDayTime } from "@/lib/format/dates.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import { STATUS_LABEL } from "@/lib/jobs/status-machine.ts";
import { MAX_JOB_SEARCH_LENGTH } from "@/lib/jobs/text-limits.ts";
import { callApi } from "../ui/call-api.ts";
import { JobRowHeading } from "./job-row-heading.tsx";

type Props = {
  timeZone: string;
  /** Opens a job beside the list (the board); without it, rows link to the job's page. */
  onOpen?: (jobId: string) => void;
  selected?: string | null;
};

type Found = { query: string; jobs: JobSummary[] } | { query: string; problem: string };

/** Completed and canceled jobs, newest first, found by customer name, phone, address or job number. */
export function ClosedJobs({ timeZone, onOpen, selected }: Props) {
  const [query, setQuery] = useState("");
  const [asked, setAsked] = useState("");
  const [found, setFound] = useState<Found | null>(null);

  useEffect(() => {
    let current = true;
    const params = new URLSearchParams({ status: "closed", ...(asked ? { q: asked } : {}) });
    void callApi<JobSummary[]>(`/api/jobs?${params}`, { method: "GET" }).then((result) => {
      if (!current) return;
      setFound(result.ok ? { query: asked, jobs: result.data } : { query: asked, problem: result.problem });
    });
    return () => {
      current = false;
    };
  }, [asked]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setAsked(query.trim());
  };

  const loading = found === null || found.query !== asked;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <search>
        <form onSubmit={search} className="flex gap-2 border-b border-slate-200 p-3">
          <label htmlFor="closed-search" className="sr-only">
            Search closed jobs
          </label>
          <input
            id="closed-search"
            type="search"
            value={query}
            maxLength={MAX_JOB_SEARCH_LENGTH}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Name, phone, address or job #"
            className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-400 px-3 text-base"
          />
          <button
            type="submit"
            className="min-h-11 rounded-lg bg-blue-700 px-4 font-semibold text-white hover:bg-blue-800"
          >
            Search
          </button>
        </form>
      </search>
      <div className="min-h-0 flex-1 overflow-y-auto" aria-live="polite" aria-busy={loading}>
        {loading ? (
          <p className="p-4 text-slate-700" role="status">
            Looking…
          </p>
        ) : "problem" in found ? (
          <p className="p-4 text-red-800" role="alert">
            {found.problem}
          </p>
        ) : found.jobs.length === 0 ? (
          <p className="p-4 text-slate-700">
            {found.query ? `No closed jobs match “${found.query}”.` : "No completed or canceled jobs yet."}
          </p>
        ) : (
          <ul aria-label={found.query ? `Closed jobs matching ${found.query}` : "Recently closed jobs"}>
            {found.jobs.map((job) => (
              <li key={job.id}>
                <ClosedRow job={job} timeZone={timeZone} onOpen={onOpen} current={selected === job.id} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function ClosedRow({
  job,
  timeZone,
  onOpen,
  current,
}: {
  job: JobSummary;
  timeZone: string;
  onOpen?: (id: string) => void;
  current: boolean;
}) {
  const content = (
    <>
      <JobRowHeading job={job} />
      <span className="block truncate text-sm text-slate-700">
        {job.customer.address ?? "No address"} · {STATUS_LABEL[job.status].toLowerCase()}{" "}
        {formatDayTime(job.steps[job.status] ?? job.updatedAt, timeZone)}
      </span>
    </>
  );
  const className = `block w-full border-b border-slate-100 px-4 py-3 text-left hover:bg-slate-50 ${current ? "bg-blue-50" : ""}`;
  return onOpen ? (
    <button
      type="button"
      onClick={() => onOpen(job.id)}
      aria-current={current ? "true" : undefined}
      className={className}
      data-testid="closed-job"
    >
      {content}
    </button>
  ) : (
    <Link href={`/jobs/${job.id}`} className={className} data-testid="closed-job">
      {content}
    </Link>
  );
}
