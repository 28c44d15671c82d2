"use client";

import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { TechnicianOption } from "@/lib/jobs/list-technicians.ts";
import { previousStatus } from "@/lib/jobs/status-machine.ts";
import { ACTION, SECONDARY } from "../ui/action-styles.ts";
import { AssignTechnician } from "./assign-technician.tsx";
import { HomeownerLinks } from "./homeowner-links.tsx";
import { ReconnectingNote, StatusLine } from "./status-line.tsx";
import { type JobActions, StatusQuestion } from "./status-question.tsx";
import { useStatusStep, type Viewer } from "./use-status-step.ts";

type Props = JobActions & {
  job: JobSummary;
  /** Dispatchers only: whom the job can be given to. */
  technicians?: TechnicianOption[];
  viewer: Viewer;
  timeZone: string;
  /** The live connection dropped and is being made again. */
  reconnecting: boolean;
};

export function StatusBar({ job, technicians = [], viewer, timeZone, reconnecting, ...actions }: Props) {
  const { office, next, nextLabel, run, busy, problem, asking, setAsking } = useStatusStep(job, viewer, actions);
  const canCancel = office && next !== null;
  const canStepBack = office && previousStatus(job) !== null;

  return (
    <section aria-label="Job status" className="border-b border-slate-200 bg-white px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm text-slate-700">
            Job #{job.number} · {job.title}
          </p>
          <StatusLine job={job} timeZone={timeZone} className="text-lg" />
          {viewer.kind === "homeowner" && (job.status === "COMPLETED" || job.status === "CANCELED") && (
            <p className="text-sm text-slate-700">Something not right? Write below and the office will answer.</p>
          )}
          {viewer.kind === "staff" && (
            <p className="text-sm text-slate-700">
              {job.customer.name}
              {job.customer.address ? ` · ${job.customer.address}` : ""} · Technician:{" "}
              {job.technician?.name ?? "not assigned"}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-end gap-2">
          {office && technicians.length > 0 && (
            <AssignTechnician jobId={job.id} current={job.technician?.id ?? null} technicians={technicians} />
          )}
          {office && <HomeownerLinks jobId={job.id} timeZone={timeZone} />}
          {reconnecting && <ReconnectingNote />}
          {next && !asking && (
            <button type="button" disabled={busy} onClick={() => run(next)} className={ACTION}>
              {nextLabel}
            </button>
          )}
          {job.status === "SCHEDULED" && office && !asking && (
            <button type="button" disabled={busy} onClick={() => setAsking("window")} className={SECONDARY}>
              {job.windowStart ? "Change visit time" : "Set visit time"}
            </button>
          )}
          {job.status === "EN_ROUTE" && viewer.kind === "staff" && !asking && (
            <button type="button" disabled={busy} onClick={() => setAsking("new-eta")} className={SECONDARY}>
              {job.eta ? "Change arrival time" : "Give arrival time"}
            </button>
          )}
          {canStepBack && !asking && (
            <button type="button" disabled={busy} onClick={() => setAsking("step-back")} className={SECONDARY}>
              {job.status === "CANCELED" ? "Reopen job" : "Step back"}
            </button>
          )}
          {canCancel && !asking && (
            <button type="button" disabled={busy} onClick={() => run("CANCELED")} className={SECONDARY}>
              Cancel job
            </button>
          )}
        </div>
      </div>
      {asking && (
        <StatusQuestion
          question={asking}
          job={job}
          asTechnician={viewer.role === "TECHNICIAN"}
          timeZone={timeZone}
          onClose={() => setAsking(null)}
          {...actions}
        />
      )}
      {problem && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {problem}
        </p>
      )}
    </section>
  );
}
