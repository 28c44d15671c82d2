"use client";

import type { JobSummary } from "@/lib/jobs/job-view.ts";
import { type JobActions, StatusQuestion } from "../thread/status-question.tsx";
import { useStatusStep, type Viewer } from "../thread/use-status-step.ts";
import { ACTION, SECONDARY } from "../ui/action-styles.ts";

type Props = JobActions & { job: JobSummary; viewer: Viewer; timeZone: string };

/** The technician's next step ("I'm on my way", "I've arrived", "Job complete") at the bottom, in thumb reach. */
export function NextAction({ job, viewer, timeZone, ...actions }: Props) {
  const { next, nextLabel, run, busy, problem, asking, setAsking } = useStatusStep(job, viewer, actions);
  const canChangeEta = job.status === "EN_ROUTE";
  if (!next && !canChangeEta) return null;
  return (
    <section aria-label="Next step" className="border-t border-slate-200 bg-white px-3 pt-2">
      {asking ? (
        <StatusQuestion
          question={asking}
          job={job}
          asTechnician
          timeZone={timeZone}
          onClose={() => setAsking(null)}
          {...actions}
        />
      ) : (
        <div className="flex gap-2">
          {next && (
            <button type="button" disabled={busy} onClick={() => run(next)} className={`${ACTION} flex-1 text-lg`}>
              {nextLabel}
            </button>
          )}
          {canChangeEta && (
            // Narrow and two lines if need be: the step itself keeps the width.
            <button
              type="button"
              disabled={busy}
              onClick={() => setAsking("new-eta")}
              className={`${SECONDARY} w-32 shrink-0 px-2 text-sm leading-tight`}
            >
              {job.eta ? "Change arrival time" : "Give arrival time"}
            </button>
          )}
        </div>
      )}
      {problem && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {problem}
        </p>
      )}
    </section>
  );
}
