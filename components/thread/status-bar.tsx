"use client";

import { useState } from "react";
import { describeStatus } from "@/lib/jobs/describe-status.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { TechnicianOption } from "@/lib/jobs/list-technicians.ts";
import type { JobStatusName } from "@/lib/jobs/schemas.ts";
import { forwardStatus, previousStatus, STATUS_LABEL } from "@/lib/jobs/status-machine.ts";
import { MAX_STEP_BACK_REASON_LENGTH, MAX_WORK_SUMMARY_LENGTH } from "@/lib/jobs/text-limits.ts";
import { EtaPicker } from "../scheduling/eta-picker.tsx";
import { type PickedWindow, WindowPicker } from "../scheduling/window-picker.tsx";
import { AssignTechnician } from "./assign-technician.tsx";
import { HomeownerLinks } from "./homeowner-links.tsx";
import { StatusStepForm } from "./status-step-form.tsx";
import type { TransitionDetails } from "./use-thread.ts";

export type Viewer = { kind: "homeowner" | "staff"; role: "HOMEOWNER" | "TECHNICIAN" | "DISPATCHER"; name: string };

// The technician speaks for themselves; the office marks what the technician did.
const ACTION_LABEL: Record<"TECHNICIAN" | "DISPATCHER", Partial<Record<JobStatusName, string>>> = {
  TECHNICIAN: { EN_ROUTE: "I'm on my way", ON_SITE: "I've arrived", COMPLETED: "Job complete" },
  DISPATCHER: {
    SCHEDULED: "Mark scheduled",
    EN_ROUTE: "Mark on the way",
    ON_SITE: "Mark arrived",
    COMPLETED: "Mark complete",
  },
};

type Props = {
  job: JobSummary;
  /** Dispatchers only: whom the job can be given to. */
  technicians?: TechnicianOption[];
  viewer: Viewer;
  timeZone: string;
  /** The live connection dropped and is being made again. */
  reconnecting: boolean;
  onTransition: (to: JobStatusName, details?: TransitionDetails) => Promise<string | null>;
  onUpdateEta: (eta: string) => Promise<string | null>;
  onSchedule: (window: PickedWindow) => Promise<string | null>;
};

export function StatusBar({
  job,
  technicians = [],
  viewer,
  timeZone,
  reconnecting,
  onTransition,
  onUpdateEta,
  onSchedule,
}: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** A step that asks for words first: the work summary, or why a step is taken back. */
  const [asking, setAsking] = useState<"summary" | "reason" | "eta" | "new-eta" | "window" | null>(null);
  const next = viewer.kind === "staff" ? forwardStatus(job.status) : null;
  const canCancel = viewer.role === "DISPATCHER" && next !== null;
  const back = viewer.role === "DISPATCHER" ? previousStatus(job) : null;

  const run = async (to: JobStatusName) => {
    if (to === "COMPLETED") return setAsking("summary");
    if (to === "EN_ROUTE") return setAsking("eta");
    if (to === "SCHEDULED" && viewer.role === "DISPATCHER") return setAsking("window");
    if (to === "CANCELED" && !window.confirm("Cancel this job? Everyone in the thread will see it.")) return;
    setBusy(true);
    setProblem(await onTransition(to));
    setBusy(false);
  };

  const finish = async (to: JobStatusName, details: TransitionDetails) => settle(await onTransition(to, details));
  const settle = (failed: string | null) => {
    if (!failed) setAsking(null);
    return failed;
  };

  return (
    <section aria-label="Job status" className="border-b border-slate-200 bg-white px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm text-slate-700">
            Job #{job.number} · {job.title}
          </p>
          <p className="text-lg font-semibold" role="status" data-testid="status-line">
            <span className="sr-only">Status: </span>
            {describeStatus(job, timeZone)}
          </p>
          {viewer.kind === "staff" && (
            <p className="text-sm text-slate-700">
              {job.customer.name}
              {job.customer.address ? ` · ${job.customer.address}` : ""} · Technician:{" "}
              {job.technician?.name ?? "not assigned"}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-end gap-2">
          {viewer.role === "DISPATCHER" && technicians.length > 0 && (
            <AssignTechnician jobId={job.id} current={job.technician?.id ?? null} technicians={technicians} />
          )}
          {viewer.role === "DISPATCHER" && <HomeownerLinks jobId={job.id} timeZone={timeZone} />}
          {reconnecting && (
            <span className="rounded-full bg-amber-100 px-3 py-1 text-sm text-amber-900" role="status">
              Reconnecting…
            </span>
          )}
          {next && !asking && (
            <button
              type="button"
              disabled={busy}
              onClick={() => run(next)}
              className="min-h-12 rounded-xl bg-emerald-700 px-5 text-base font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
            >
              {(viewer.role !== "HOMEOWNER" && ACTION_LABEL[viewer.role][next]) || STATUS_LABEL[next]}
            </button>
          )}
          {job.status === "SCHEDULED" && viewer.role === "DISPATCHER" && !asking && (
            <button
              type="button"
              disabled={busy}
              onClick={() => setAsking("window")}
              className="min-h-12 rounded-xl border border-slate-400 px-4 text-base text-slate-800 hover:bg-slate-100"
            >
              {job.windowStart ? "Change visit time" : "Set visit time"}
            </button>
          )}
          {job.status === "EN_ROUTE" && viewer.kind === "staff" && !asking && (
            <button
              type="button"
              disabled={busy}
              onClick={() => setAsking("new-eta")}
              className="min-h-12 rounded-xl border border-slate-400 px-4 text-base text-slate-800 hover:bg-slate-100"
            >
              {job.eta ? "Change arrival time" : "Give arrival time"}
            </button>
          )}
          {back && !asking && (
            <button
              type="button"
              disabled={busy}
              onClick={() => setAsking("reason")}
              className="min-h-12 rounded-xl border border-slate-400 px-4 text-base text-slate-800 hover:bg-slate-100"
            >
              {job.status === "CANCELED" ? "Reopen job" : "Step back"}
            </button>
          )}
          {canCancel && !asking && (
            <button
              type="button"
              disabled={busy}
              onClick={() => run("CANCELED")}
              className="min-h-12 rounded-xl border border-slate-400 px-4 text-base text-slate-800 hover:bg-slate-100"
            >
              Cancel job
            </button>
          )}
        </div>
      </div>
      {(asking === "eta" || asking === "new-eta") && (
        <EtaPicker
          question={
            viewer.role === "TECHNICIAN"
              ? "When will you get there?"
              : `When will ${job.technician?.name ?? "the technician"} get there?`
          }
          timeZone={timeZone}
          allowUnknown={asking === "eta"}
          onPick={async (eta) =>
            asking === "eta"
              ? finish("EN_ROUTE", eta ? { eta } : {})
              : settle(eta ? await onUpdateEta(eta) : "Pick a time first.")
          }
          onCancel={() => setAsking(null)}
        />
      )}
      {asking === "window" && (
        <WindowPicker
          question={job.status === "REQUESTED" ? "When is the visit?" : "Move the visit to"}
          timeZone={timeZone}
          current={job.windowStart && job.windowEnd ? { windowStart: job.windowStart, windowEnd: job.windowEnd } : null}
          onPick={async (window) => settle(await onSchedule(window))}
          onCancel={() => setAsking(null)}
        />
      )}
      {asking === "summary" && (
        <StatusStepForm
          label="What did you do?"
          hint="A short work summary for the customer and the office, for example “Replaced the thermocouple, tested 3 cycles.”"
          maxLength={MAX_WORK_SUMMARY_LENGTH}
          submitLabel="Complete the job"
          onSubmit={(summary) => finish("COMPLETED", { summary })}
          onCancel={() => setAsking(null)}
        />
      )}
      {asking === "reason" && back && (
        <StatusStepForm
          label={`Why move the job back to “${STATUS_LABEL[back]}”?`}
          hint="Everyone in the thread, the customer included, will read this."
          maxLength={MAX_STEP_BACK_REASON_LENGTH}
          submitLabel={`Move back to ${STATUS_LABEL[back].toLowerCase()}`}
          onSubmit={(reason) => finish(back, { reason })}
          onCancel={() => setAsking(null)}
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
