"use client";

import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { MessageView } from "@/lib/messages/message-view.ts";
import { JobRatingPanel } from "./job-rating-panel.tsx";
import { RatingCard } from "./rating-card.tsx";

type Props = {
  job: JobSummary;
  /** The thread as the viewer sees it: a staff reply in it answers a low rating. */
  messages: MessageView[];
  viewer: { kind: "homeowner" | "staff" };
  timeZone: string;
};

/** The thread's rating area: the homeowner's card once the job is complete; staff see the rating and history. */
export function ThreadFeedback({ job, messages, viewer, timeZone }: Props) {
  if (viewer.kind === "homeowner")
    return job.status === "COMPLETED" ? <RatingCard jobId={job.id} timeZone={timeZone} /> : null;
  return <JobRatingPanel job={job} messages={messages} timeZone={timeZone} />;
}
