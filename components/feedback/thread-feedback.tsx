"use client";

import type { JobSummary } from "@/lib/jobs/job-view.ts";
import { JobRatingPanel } from "./job-rating-panel.tsx";
import { RatingCard } from "./rating-card.tsx";

/** The thread's rating area: the homeowner's card once the job is complete; staff see the rating and history. */
export function ThreadFeedback({
  job,
  viewer,
  timeZone,
}: {
  job: JobSummary;
  viewer: { kind: string };
  timeZone: string;
}) {
  if (viewer.kind === "homeowner")
    return job.status === "COMPLETED" ? <RatingCard jobId={job.id} timeZone={timeZone} /> : null;
  return <JobRatingPanel job={job} timeZone={timeZone} />;
}
