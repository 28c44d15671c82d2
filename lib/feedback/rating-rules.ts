// What a rating may be and what it means, in plain functions: the rating card
// (browser) and the door's zod schema (lib/feedback/schemas.ts) share them, and
// the browser bundle stays free of zod (see lib/messages/message-text.ts).

export const SATISFACTION_MIN = 1;
export const SATISFACTION_MAX = 5;
export const RECOMMEND_MIN = 0;
export const RECOMMEND_MAX = 10;
/** Longest comment, in characters as people count them (code points). */
export const MAX_COMMENT_LENGTH = 1000;
/** A rating can be changed for this long after it was first given; then it stands. */
export const RATING_EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

export type RatingScores = { satisfaction: number; recommend: number };

/**
 * A rating the office should look at: an unhappy visit (1–2 of 5) or someone
 * who would not recommend the company (0–6 of 10, a "detractor").
 */
export function isLowRating({ satisfaction, recommend }: RatingScores): boolean {
  return satisfaction <= LOW_SATISFACTION_MAX || recommend <= LOW_RECOMMEND_MAX;
}
/** The same rule in SQL terms (ratings-for-jobs.ts). */
export const LOW_SATISFACTION_MAX = 2;
export const LOW_RECOMMEND_MAX = 6;

export function ratingEditableUntil(firstRatedAt: Date): Date {
  return new Date(firstRatedAt.getTime() + RATING_EDIT_WINDOW_MS);
}

/** The thread entry a rating writes (staff only), e.g. "Mia rated the visit 2/5 · would recommend 3/10: “Late”". */
export function describeRating(name: string, rating: RatingScores & { comment: string }, changed: boolean): string {
  const scores = `${rating.satisfaction}/${SATISFACTION_MAX} · would recommend ${rating.recommend}/${RECOMMEND_MAX}`;
  const said = rating.comment ? `: “${rating.comment}”` : "";
  return changed ? `${name} changed their rating to ${scores}${said}` : `${name} rated the visit ${scores}${said}`;
}
