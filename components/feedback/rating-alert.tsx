import { ratingNeedsAttention } from "@/lib/feedback/attention.ts";
import { RECOMMEND_MAX, SATISFACTION_MAX } from "@/lib/feedback/rating-rules.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";

/** A board row's alert while the job's low rating needs attention (lib/feedback/attention.ts). */
export function RatingAlert({ job }: { job: JobSummary }) {
  const { rating } = job;
  if (!rating || !ratingNeedsAttention(job)) return null;
  return (
    <span
      data-testid="rating-alert"
      title={rating.comment || undefined}
      className="rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white"
    >
      Low rating {rating.satisfaction}/{SATISFACTION_MAX}
      <span className="sr-only">
        , would recommend {rating.recommend} of {RECOMMEND_MAX}
        {rating.comment ? `: ${rating.comment}` : ""}
      </span>
    </span>
  );
}
