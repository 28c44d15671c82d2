"use client";

import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { JobStatusName } from "@/lib/jobs/schemas.ts";
import { previousStatus, STATUS_LABEL } from "@/lib/jobs/status-machine.ts";
import { MAX_STEP_BACK_REASON_LENGTH, MAX_WORK_SUMMARY_LENGTH } from "@/lib/jobs/text-limits.ts";
import { EtaPicker } from "../scheduling/eta-picker.tsx";
import { type PickedWindow, WindowPicker } from "../scheduling/window-picker.tsx";
import { StatusStepForm } from "./status-step-form.tsx";
import type { TransitionDetails } from "./use-thread.ts";

/** A status step that asks something first. */
export type Question = "on-the-way" | "new-eta" | "window" | "summary" | "step-back";

export type JobActions = {
  onTransition: (to: JobStatusName, details?: TransitionDetails) => Promise<string | null>;
  onUpdateEta: (eta: string) => Promise<string | null>;
  onSchedule: (window: PickedWindow) => Promise<string | null>;
};

type Props = JobActions & {
  question: Question;
  job: JobSummary;
  asTechnician: boolean;
  timeZone: string;
  /** The question was answered (and the step taken) or put away. */
  onClose: () => void;
};

/** Asks what a step needs (an ETA, a window, a work summary, a reason), then takes it. */
export function StatusQuestion({ question, job, asTechnician, timeZone, onClose, ...actions }: Props) {
  const done = (failed: string | null) => {
    if (!failed) onClose();
    return failed;
  };
  switch (question) {
    case "on-the-way":
    case "new-eta":
      return (
        <EtaPicker
          question={
            asTechnician
              ? "When will you get there?"
              : `When will ${job.technician?.name ?? "the technician"} get there?`
          }
          timeZone={timeZone}
          allowUnknown={question === "on-the-way"}
          onPick={async (eta) =>
            done(
              question === "on-the-way"
                ? await actions.onTransition("EN_ROUTE", eta ? { eta } : {})
                : eta
                  ? await actions.onUpdateEta(eta)
                  : "Pick a time first.",
            )
          }
          onCancel={onClose}
        />
      );
    case "window":
      return (
        <WindowPicker
          question={job.status === "REQUESTED" ? "When is the visit?" : "Move the visit to"}
          timeZone={timeZone}
          current={job.windowStart && job.windowEnd ? { windowStart: job.windowStart, windowEnd: job.windowEnd } : null}
          onPick={async (window) => done(await actions.onSchedule(window))}
          onCancel={onClose}
        />
      );
    case "summary":
      return (
        <StatusStepForm
          label="What did you do?"
          hint="A short work summary for the customer and the office, for example “Replaced the thermocouple, tested 3 cycles.”"
          maxLength={MAX_WORK_SUMMARY_LENGTH}
          submitLabel="Complete the job"
          onSubmit={async (summary) => done(await actions.onTransition("COMPLETED", { summary }))}
          onCancel={onClose}
        />
      );
    case "step-back": {
      const back = previousStatus(job);
      if (!back) return null;
      return (
        <StatusStepForm
          label={`Why move the job back to “${STATUS_LABEL[back]}”?`}
          hint="Everyone in the thread, the customer included, will read this."
          maxLength={MAX_STEP_BACK_REASON_LENGTH}
          submitLabel={`Move back to ${STATUS_LABEL[back].toLowerCase()}`}
          onSubmit={async (reason) => done(await actions.onTransition(back, { reason }))}
          onCancel={onClose}
        />
      );
    }
  }
}
