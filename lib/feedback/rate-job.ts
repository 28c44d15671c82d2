import type { Actor } from "../auth/actor.ts";
import { canRate, canSeeJob } from "../auth/policy.ts";
import { AppError, jobNotFound } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { JobStatus } from "../generated/prisma/enums.ts";
import type { JobRow } from "../jobs/job-view.ts";
import { appendTrioEntryWithin } from "../messages/append-entry.ts";
import type { MessageView } from "../messages/message-view.ts";
import { describeRating, isLowRating, ratingEditableUntil } from "./rating-rules.ts";
import { type FeedbackRow, type JobRating, type OwnRating, toJobRating, toOwnRating } from "./rating-view.ts";
import type { RateJobInput } from "./schemas.ts";

export type RateJobResult = {
  /** The job's first rating (else a change of it, or the same one again). */
  created: boolean;
  /** False when the same scores and comment were sent again: nothing was written. */
  changed: boolean;
  own: OwnRating;
  /** What staff see of it (JobSummary.rating). */
  rating: JobRating;
  /** The staff-only SYSTEM entry written with it (null when nothing changed). */
  message: MessageView | null;
  job: JobRow | null;
};

type LockedJob = { id: string; companyId: string; technicianId: string | null; customerId: string; status: JobStatus };

const feedbackSelect = {
  satisfaction: true,
  recommend: true,
  comment: true,
  seq: true,
  createdAt: true,
  updatedAt: true,
} as const;

/**
 * The one way a job is rated: its homeowner, once the job is complete, once
 * per job; the same rating may be changed (the row is updated, never a second
 * one) until 24 hours after it was first given. The Feedback row and a
 * STAFF-only SYSTEM entry in the thread commit together: one short
 * transaction that holds the job's row lock from the checks to the writes,
 * so two taps at once can't both create. The entry goes in through
 * trio_append_entries, as every thread entry does (its seq, read mark, the
 * job's updatedAt). `now` is the clock the edit window is judged by.
 *
 * Unlike the hot path this holds the job's row lock across a few round trips
 * (an interactive transaction): a message to the same job waits those
 * milliseconds, and so does the entry batcher's one statement in flight.
 * Ratings are rare, once per job, so that is the price of plain code here.
 */
export async function rateJob(
  db: PrismaClient,
  actor: Actor,
  input: RateJobInput,
  now = new Date(),
): Promise<RateJobResult> {
  return db.$transaction(async (tx) => {
    const [job] = await tx.$queryRaw<LockedJob[]>`
      SELECT "id", "companyId", "technicianId", "customerId", "status"::text AS "status"
      FROM "Job" WHERE "id" = ${input.jobId}::uuid FOR UPDATE`;
    if (!job || !canSeeJob(actor, job)) throw jobNotFound();
    if (actor.kind !== "homeowner" || !canRate(actor, job))
      throw new AppError("forbidden", "Only the homeowner can rate the visit.");
    if (job.status !== "COMPLETED") throw new AppError("conflict", "You can rate the visit once the job is complete.");

    const existing = await tx.feedback.findUnique({ where: { jobId: job.id }, select: feedbackSelect });
    if (existing && now.getTime() > ratingEditableUntil(existing.createdAt).getTime())
      throw new AppError("conflict", "This rating can no longer be changed: ratings can be changed for 24 hours.");
    if (
      existing &&
      existing.satisfaction === input.satisfaction &&
      existing.recommend === input.recommend &&
      existing.comment === input.comment
    ) {
      // The same rating again (a second tap): nothing to write or tell.
      return {
        created: false,
        changed: false,
        own: toOwnRating(existing),
        rating: toJobRating(existing),
        message: null,
        job: null,
      };
    }

    // Trio's record of the rating, not something the homeowner wrote in the
    // thread: no author, no read mark moved; a low one waits for an answer.
    const appended = await appendTrioEntryWithin(tx, job, {
      kind: "SYSTEM",
      visibility: "STAFF",
      body: describeRating(actor.name, input, existing !== null),
      expect: { status: "COMPLETED" },
      change: isLowRating(input)
        ? { awaitReply: true }
        : existing && isLowRating(existing)
          ? { awaitReply: false }
          : {},
    });
    if (appended.outcome === "stale") throw new AppError("conflict", "The job changed meanwhile. Try again.");
    const { job: changedJob, message } = appended;

    const scores = { satisfaction: input.satisfaction, recommend: input.recommend, comment: input.comment };
    const feedback: FeedbackRow = existing
      ? await tx.feedback.update({
          where: { jobId: job.id },
          data: { ...scores, seq: message.seq, updatedAt: now },
          select: feedbackSelect,
        })
      : await tx.feedback.create({
          data: {
            ...scores,
            jobId: job.id,
            customerId: actor.customerId,
            seq: message.seq,
            createdAt: now,
            updatedAt: now,
          },
          select: feedbackSelect,
        });
    return {
      created: existing === null,
      changed: true,
      own: toOwnRating(feedback),
      rating: toJobRating(feedback),
      message,
      job: changedJob,
    };
  });
}
