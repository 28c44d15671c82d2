"use client";

import { useState } from "react";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { JobStatusName } from "@/lib/jobs/schemas.ts";
import { forwardStatus, STATUS_LABEL } from "@/lib/jobs/status-machine.ts";
import type { JobActions, Question } from "./status-question.tsx";

export type Viewer = {
  kind: "homeowner" | "staff";
  role: "HOMEOWNER" | "TECHNICIAN" | "DISPATCHER";
  name: string;
  /** Staff: who they are, so a technician's screen knows when the job stops being theirs. */
  userId?: string;
};

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

/** The steps that ask something before they are taken. */
const QUESTION_FOR: Partial<Record<JobStatusName, Question>> = {
  SCHEDULED: "window",
  EN_ROUTE: "on-the-way",
  COMPLETED: "summary",
};

/**
 * The next status step a viewer may take and the question it asks first: one
 * logic for the office's status bar and the technician's thumb-reach button.
 */
export function useStatusStep(job: JobSummary, viewer: Viewer, actions: JobActions) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState<Question | null>(null);
  const office = viewer.role === "DISPATCHER";
  const next = viewer.kind === "staff" ? forwardStatus(job.status) : null;
  const nextLabel = next && ((viewer.role !== "HOMEOWNER" && ACTION_LABEL[viewer.role][next]) || STATUS_LABEL[next]);

  const run = async (to: JobStatusName) => {
    // A technician's list never offers scheduling; the office picks a window.
    const question = to === "SCHEDULED" && !office ? undefined : QUESTION_FOR[to];
    if (question) return setAsking(question);
    if (to === "CANCELED" && !window.confirm("Cancel this job? Everyone in the thread will see it.")) return;
    setBusy(true);
    setProblem(await actions.onTransition(to));
    setBusy(false);
  };

  return { office, next, nextLabel, run, busy, problem, asking, setAsking };
}
