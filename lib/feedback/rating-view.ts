import { isLowRating, ratingEditableUntil } from "./rating-rules.ts";

/** A rating as staff see it: on a job summary (`rating`), in the thread header, in a customer's history. */
export type JobRating = {
  satisfaction: number;
  recommend: number;
  comment: string;
  /** lib/feedback/rating-rules.ts `isLowRating`. */
  low: boolean;
  /** The thread entry the latest rating wrote. */
  seq: number;
  ratedAt: string;
  updatedAt: string;
};

/** A rating as the homeowner who gave it sees it (the rating card). */
export type OwnRating = {
  satisfaction: number;
  recommend: number;
  comment: string;
  ratedAt: string;
  /** Until then the card offers to change it. */
  editableUntil: string;
};

export type FeedbackRow = {
  satisfaction: number;
  recommend: number;
  comment: string;
  seq: number;
  createdAt: Date;
  updatedAt: Date;
};

export function toJobRating(row: FeedbackRow): JobRating {
  return {
    satisfaction: row.satisfaction,
    recommend: row.recommend,
    comment: row.comment,
    low: isLowRating(row),
    seq: row.seq,
    ratedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toOwnRating(row: FeedbackRow): OwnRating {
  return {
    satisfaction: row.satisfaction,
    recommend: row.recommend,
    comment: row.comment,
    ratedAt: row.createdAt.toISOString(),
    editableUntil: ratingEditableUntil(row.createdAt).toISOString(),
  };
}
