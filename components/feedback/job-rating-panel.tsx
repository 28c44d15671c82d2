"use client";

import { useEffect, useState } from "react";
import { isStaffReply, ratingNeedsAttention } from "@/lib/feedback/attention.ts";
import type { JobFeedback, PastJob } from "@/lib/feedback/get-job-feedback.ts";
import { RECOMMEND_MAX, SATISFACTION_MAX } from "@/lib/feedback/rating-rules.ts";
import type { JobRating } from "@/lib/feedback/rating-view.ts";
import { formatDayTime } from "@/lib/format/dates.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import { STATUS_LABEL } from "@/lib/jobs/status-machine.ts";
import type { MessageView } from "@/lib/messages/message-view.ts";
import { getSocket } from "../realtime/socket.ts";
import { callApi } from "../ui/call-api.ts";

const scores = (rating: JobRating) =>
  `${rating.satisfaction}/${SATISFACTION_MAX} · would recommend ${rating.recommend}/${RECOMMEND_MAX}`;

/**
 * Staff, in a job's thread: the homeowner's rating of this job (live), and
 * for the office the customer's past jobs with theirs, so nobody asks twice.
 */
export function JobRatingPanel({
  job,
  messages,
  timeZone,
}: {
  job: JobSummary;
  messages: MessageView[];
  timeZone: string;
}) {
  const [rating, setRating] = useState<JobRating | null>(null);
  const [history, setHistory] = useState<PastJob[]>([]);

  useEffect(() => {
    let live = true;
    void callApi<JobFeedback>(`/api/jobs/${job.id}/feedback`, { method: "GET" }).then((result) => {
      if (!live || !result.ok || result.data.for !== "staff") return;
      setRating(result.data.rating);
      setHistory(result.data.history);
    });
    const socket = getSocket();
    const onUpdate = (summary: JobSummary) => {
      if (summary.id === job.id && summary.rating !== undefined) setRating(summary.rating);
    };
    socket.on("job:updated", onUpdate);
    return () => {
      live = false;
      socket.off("job:updated", onUpdate);
    };
  }, [job.id]);

  if (!rating && history.length === 0) return null;
  // attention.ts's rule, cleared as soon as a staff reply after the rating shows in this thread.
  const answered = rating !== null && messages.some((m) => m.seq > rating.seq && isStaffReply(m));
  const alert = !answered && ratingNeedsAttention({ rating, awaitingReplySince: job.awaitingReplySince });

  return (
    <section aria-label="Rating and customer history" className="border-b border-slate-200 bg-white px-4 py-2 text-sm">
      {rating && (
        <p data-testid="job-rating" className={alert ? "font-semibold text-red-900" : "text-slate-800"}>
          {alert && (
            <span className="mr-2 rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">
              Low rating: reply to the homeowner
            </span>
          )}
          Rated {scores(rating)}
          {rating.comment && (
            <>
              {": "}
              <q dir="auto">{rating.comment}</q>
            </>
          )}
        </p>
      )}
      {history.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-slate-800">Past jobs of this customer ({history.length})</summary>
          <ul className="mt-1 space-y-1 text-slate-800">
            {history.map((past) => (
              <li key={past.id}>
                <a href={`/jobs/${past.id}`} className="text-blue-800 underline">
                  #{past.number} · {past.title}
                </a>{" "}
                · {STATUS_LABEL[past.status]} · {formatDayTime(past.updatedAt, timeZone)} ·{" "}
                {past.rating ? `rated ${scores(past.rating)}` : "not rated"}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
