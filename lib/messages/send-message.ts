import type { Actor } from "../auth/actor.ts";
import { visibleTo } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { JobRow } from "../jobs/job-view.ts";
import { appendEntry } from "./append-entry.ts";
import type { MessageView } from "./message-view.ts";
import type { SendMessageInput } from "./schemas.ts";

export type SendMessageResult = { message: MessageView; job: JobRow; created: boolean };

/**
 * The one way to post in a thread, in one round trip (appendEntry). A repeated
 * clientId returns the stored message and `created: false`, so callers
 * broadcast nothing.
 */
export async function sendMessage(db: Db, actor: Actor, input: SendMessageInput): Promise<SendMessageResult> {
  if (!visibleTo(actor).includes(input.visibility)) {
    throw new AppError("forbidden", "Only the company's staff can write internal notes.");
  }
  const result = await appendEntry(db, actor, input.jobId, {
    kind: "TEXT",
    visibility: input.visibility,
    body: input.body,
    clientId: input.clientId,
  });
  // Only an entry with `expect` can be stale; a message has none.
  if (result.outcome === "stale") throw new Error("a message append reported stale");
  return { message: result.message, job: result.job, created: result.outcome === "created" };
}
