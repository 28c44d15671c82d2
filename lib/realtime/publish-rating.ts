// After a rating commits: the office hears it at once, with the rating on the
// job's summary. Not coalesced through the board feed (a rating is rare and
// an alert should not wait); the feed's own summaries carry no `rating`, and
// clients merge summaries, so they leave it as it is.
import type { JobRating } from "../feedback/rating-view.ts";
import { type JobRow, toJobSummary } from "../jobs/job-view.ts";
import { getRealtime } from "./broadcast.ts";
import { rooms } from "./events.ts";

/**
 * `job:updated` with `rating` to boards (company:<id>) and staff with the
 * thread open (job:<id>:staff); never to the homeowner. Technicians' lists
 * (user:<id>) are left out: they list open jobs only, and a finished job's
 * rating is the office's to follow up.
 */
export function publishRating(job: JobRow, rating: JobRating, io = getRealtime()) {
  if (!io) return;
  io.to(rooms.company(job.companyId))
    .to(rooms.jobStaff(job.id))
    .emit("job:updated", { ...toJobSummary(job), rating });
}
