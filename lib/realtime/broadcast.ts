// What the realtime fast path sends after a change commits. The database stays
// the truth: anything missed here is caught up on the next thread:join.
import { env } from "../env.ts";
import { type JobRow, toJobSummary, toPublicJobSummary } from "../jobs/job-view.ts";
import type { MarkReadResult } from "../messages/mark-read.ts";
import type { MessageView } from "../messages/message-view.ts";
import { type BoardFeed, createBoardFeed } from "./board-feed.ts";
import { type RealtimeServer, rooms } from "./events.ts";

// On globalThis: server/index.ts and Next's bundle load this module apart, and
// must share the server and its one board feed (one coalescing per job).
const hub = globalThis as typeof globalThis & {
  __trioRealtime?: RealtimeServer;
  __trioFeeds?: WeakMap<RealtimeServer, BoardFeed>;
};
hub.__trioFeeds ??= new WeakMap();
const feeds = hub.__trioFeeds;

/** Each Socket.IO server has one board feed (lib/realtime/board-feed.ts). */
function boardFeed(io: RealtimeServer): BoardFeed {
  let feed = feeds.get(io);
  if (!feed) {
    feed = createBoardFeed(io, env().BOARD_UPDATE_INTERVAL_MS);
    feeds.set(io, feed);
  }
  return feed;
}

/** server/index.ts registers the Socket.IO server; Next's route handlers find it here. */
export function setRealtime(io: RealtimeServer | undefined) {
  hub.__trioRealtime = io;
}

export function getRealtime(): RealtimeServer | undefined {
  return hub.__trioRealtime;
}

/** A job's state changed: its thread hears at once, boards through the feed. */
export function publishJob(job: JobRow, io = getRealtime()) {
  if (!io) return;
  io.to(rooms.job(job.id)).except(rooms.jobStaff(job.id)).emit("job:updated", toPublicJobSummary(job));
  io.to(rooms.jobStaff(job.id)).emit("job:updated", toJobSummary(job));
  boardFeed(io).offer(job);
}

/**
 * Message bodies go only to the sockets that have the thread open; boards get
 * the job with its newest message (notes included: staff rooms only), coalesced.
 */
export function publishMessage(message: MessageView, job: JobRow, io = getRealtime()) {
  if (!io) return;
  const room = message.visibility === "STAFF" ? rooms.jobStaff(job.id) : rooms.job(job.id);
  io.to(room).emit("message:created", message);
  boardFeed(io).offer(job, message);
}

/** A job change and the entry it wrote (none for a change that was already so): the thread, then the job. */
export function publishChange({ job, message }: { job: JobRow; message: MessageView | null }, io = getRealtime()) {
  if (message) publishMessage(message, job, io);
  publishJob(job, io);
}

/** Staff hear every read mark; homeowners only marks on messages they can see. */
export function publishRead({ receipt, publicReceipt, changed }: MarkReadResult, io = getRealtime()) {
  if (!io || !changed) return;
  io.to(rooms.jobStaff(receipt.jobId)).emit("thread:read", receipt);
  if (publicReceipt)
    io.to(rooms.job(receipt.jobId)).except(rooms.jobStaff(receipt.jobId)).emit("thread:read", publicReceipt);
}

/** Staff with the thread open look again at how the homeowner hears of it (updates-channel.ts). */
export function publishDelivery(jobId: string, io = getRealtime()) {
  io?.to(rooms.jobStaff(jobId)).emit("delivery:updated", { jobId });
}

/** Takes a technician's sockets out of a job they no longer hold, and tells their list. */
export function removeFromJob(userId: string, job: JobRow, io = getRealtime()) {
  if (!io) return;
  io.in(rooms.user(userId)).socketsLeave([rooms.job(job.id), rooms.jobStaff(job.id)]);
  io.to(rooms.user(userId)).emit("job:updated", toJobSummary(job));
}

/** Ends every socket of a session that was signed out or a link that was turned off. */
export function disconnectRoom(room: string, io = getRealtime()) {
  io?.in(room).disconnectSockets(true);
}
