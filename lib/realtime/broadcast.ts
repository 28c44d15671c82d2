// What the realtime fast path sends after a change commits. The database stays
// the truth: anything missed here is caught up on the next thread:join.
import type { Server } from "socket.io";
import { type JobRow, toJobSummary, toPublicJobSummary } from "../jobs/job-view.ts";
import type { MarkReadResult } from "../messages/mark-read.ts";
import type { MessageView } from "../messages/message-view.ts";
import { type ClientToServerEvents, rooms, type ServerToClientEvents } from "./events.ts";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

const hub = globalThis as typeof globalThis & { __trioRealtime?: RealtimeServer };

/** server/index.ts registers the Socket.IO server; Next's route handlers find it here. */
export function setRealtime(io: RealtimeServer | undefined) {
  hub.__trioRealtime = io;
}

export function getRealtime(): RealtimeServer | undefined {
  return hub.__trioRealtime;
}

export function publishJob(job: JobRow, io = getRealtime()) {
  if (!io) return;
  const summary = toJobSummary(job);
  io.to(rooms.job(job.id)).except(rooms.jobStaff(job.id)).emit("job:updated", toPublicJobSummary(job));
  const staff = io.to(rooms.jobStaff(job.id)).to(rooms.company(job.companyId));
  (job.technicianId ? staff.to(rooms.user(job.technicianId)) : staff).emit("job:updated", summary);
}

export function publishMessage(message: MessageView, job: JobRow, io = getRealtime()) {
  if (!io) return;
  const room = message.visibility === "STAFF" ? rooms.jobStaff(job.id) : rooms.job(job.id);
  io.to(room).emit("message:created", message);
  // Boards get the job with its newest message (notes included: staff only).
  const staff = io.to(rooms.company(job.companyId));
  (job.technicianId ? staff.to(rooms.user(job.technicianId)) : staff).emit("job:updated", {
    ...toJobSummary(job),
    lastMessage: message,
  });
}

/** Staff hear every read mark; homeowners only marks on messages they can see. */
export function publishRead({ receipt, publicReceipt, changed }: MarkReadResult, io = getRealtime()) {
  if (!io || !changed) return;
  io.to(rooms.jobStaff(receipt.jobId)).emit("thread:read", receipt);
  if (publicReceipt)
    io.to(rooms.job(receipt.jobId)).except(rooms.jobStaff(receipt.jobId)).emit("thread:read", publicReceipt);
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
