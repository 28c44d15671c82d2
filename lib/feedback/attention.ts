// The one rule for when a rating puts a job in front of the office:
//
//   A low rating (rating-rules.ts `isLowRating`) needs attention until a staff
//   member writes to the homeowner in the thread (a TEXT entry everyone sees,
//   by a technician or dispatcher) after the rating's own entry. Changing the
//   rating writes a new entry, so a rating that is still low after a change
//   needs attention again.
//
// Completed jobs leave the board unless they need attention; the board keeps
// (and lists) a job while this holds. The server works it out from the thread
// (`answered`, ratings-for-jobs.ts: STAFF_REPLIED_AFTER_RATING_SQL); a board
// also clears it live when the job's newest message is such a reply.
import type { MessageView } from "../messages/message-view.ts";
import type { JobRating } from "./rating-view.ts";

/** A staff member's reply to the homeowner: what answers a low rating. */
export const isStaffReply = (message: Pick<MessageView, "kind" | "visibility" | "author">): boolean =>
  message.kind === "TEXT" &&
  message.visibility === "EVERYONE" &&
  !!message.author &&
  message.author.role !== "HOMEOWNER";

export function ratingNeedsAttention(job: {
  rating?: JobRating | null;
  lastMessage?: Pick<MessageView, "seq" | "kind" | "visibility" | "author"> | null;
}): boolean {
  const { rating, lastMessage } = job;
  if (!rating?.low || rating.answered) return false;
  return !(lastMessage && lastMessage.seq > rating.seq && isStaffReply(lastMessage));
}
