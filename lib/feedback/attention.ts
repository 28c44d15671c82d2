// The one rule for when a rating puts a job in front of the office:
//
//   A low rating (rating-rules.ts `isLowRating`) waits for a staff reply just
//   as a homeowner's message does: rating sets Job.awaitingReplySince (unless
//   a wait has already begun), and a staff text, photo or status step that
//   everyone sees ends it (trio_append_entry). Changing the rating to another
//   low one starts a new wait if the last was answered; raising it to one
//   that isn't low ends the wait, unless the homeowner's own message is the
//   newest in the thread.
//
// So a low-rated job stays on (or comes back to) the board under the rule the
// board already keeps, `isLive` (lib/jobs/job-view.ts), and the board row
// shows the rating beside its "Waiting" mark while the wait lasts.
import type { MessageView } from "../messages/message-view.ts";
import type { JobRating } from "./rating-view.ts";

/** What ends the wait a low rating starts, as seen in a thread. */
export const isStaffReply = (message: Pick<MessageView, "kind" | "visibility" | "author">): boolean =>
  message.visibility === "EVERYONE" &&
  ["TEXT", "STATUS", "PHOTO"].includes(message.kind) &&
  !!message.author &&
  message.author.role !== "HOMEOWNER";

/** A board row's alert: the job's rating is low and the office has not answered since. */
export function ratingNeedsAttention(job: { rating?: JobRating | null; awaitingReplySince: string | null }): boolean {
  return !!job.rating?.low && job.awaitingReplySince !== null;
}
