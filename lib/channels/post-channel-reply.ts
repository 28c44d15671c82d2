// A homeowner's answer by text or email, posted within the same per-person
// budget as their page's messages (lib/limits/send-limit.ts). A provider's
// retry of an answer already stored is never refused and costs nothing.
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { JobRow } from "../jobs/job-view.ts";
import { limits } from "../limits/limits.ts";
import { retryAfterSeconds } from "../limits/rules.ts";
import { homeownerSenderKey, isStored } from "../limits/send-limit.ts";
import { appendChannelReply, type ChannelHomeowner } from "../messages/append-entry.ts";
import type { MessageView } from "../messages/message-view.ts";

export type ChannelReplyResult =
  | { outcome: "created" | "existing"; message: MessageView; job: JobRow }
  | { outcome: "rate_limited"; retryAfter: number }
  /** The job went between finding it and posting. */
  | { outcome: "gone" };

export async function postChannelReply(
  db: Db,
  homeowner: ChannelHomeowner,
  entry: { clientId: string; body: string },
): Promise<ChannelReplyResult> {
  const verdict = await limits().sends.take(homeownerSenderKey(homeowner.customerId, homeowner.jobId));
  if (!verdict.ok && !(await isStored(db, homeowner.jobId, entry.clientId))) {
    return { outcome: "rate_limited", retryAfter: retryAfterSeconds(verdict.retryAfterMs) };
  }
  const result = await appendChannelReply(db, homeowner, entry).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
  // Only what was stored costs a point.
  if (verdict.ok && result?.outcome !== "created") await verdict.giveBack();
  if (!result) return { outcome: "gone" };
  // Only an entry with `expect` can be stale; a reply has none.
  if (result.outcome === "stale") throw new Error("a reply's append reported stale");
  return { outcome: result.outcome, message: result.message, job: result.job };
}
