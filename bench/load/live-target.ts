// The load generator's view of one target: its open sockets and the window
// being measured on them.
import type { Socket } from "socket.io-client";
import type { SocketPlan, WorldJob } from "../world.ts";
import type { TargetName } from "./api.ts";

export type AckBody = { data?: unknown; error?: { code: string; message: string } };
export type Delivered = { jobId: string; seq: number; clientId: string };

/** The part of the protocol the generator speaks (docs/protocol.md). */
export type ServerEvents = {
  "message:created": (message: Delivered) => void;
  "job:updated": (job: unknown) => void;
};
export type ClientEvents = {
  "thread:join": (input: { jobId: string; afterSeq: number }, ack: (response: AckBody) => void) => void;
  "message:send": (input: { jobId: string; clientId: string; body: string }, ack: (response: AckBody) => void) => void;
};
export type ClientSocket = Socket<ServerEvents, ClientEvents>;

export type LiveSocket = {
  index: number;
  plan: SocketPlan;
  socket: ClientSocket;
  connected: boolean;
  /** Keys of what this socket received in the current window (clientIds and seqs). */
  seen: Set<string>;
};

export type SendRecord = {
  jobId: string;
  sender: number;
  intended: number;
  /** Other sockets of the job, owed this message. */
  recipients: number;
  delivered: number;
  answer: "ok" | "error" | null;
};

export type Tracker = {
  prefix: string;
  records: Map<string, SendRecord>;
  deliverMs: number[];
  delivered: number;
  duplicates: number;
  misrouted: number;
  /** Deliveries still owed for sends acked with data. */
  owed: number;
};

export type LiveTarget = {
  name: TargetName;
  sockets: LiveSocket[];
  jobs: WorldJob[];
  tracker: Tracker | null;
  summaries: number;
  stragglers: number;
  disconnects: number;
};

/** Counts what reaches a socket against the window being measured. */
export function onDelivered(target: LiveTarget, live: LiveSocket, message: Delivered, now: number) {
  const tracker = target.tracker;
  if (!tracker || !message.clientId.startsWith(tracker.prefix)) {
    target.stragglers++;
    return;
  }
  const byClientId = `c:${message.clientId}`;
  const bySeq = `s:${message.jobId}:${message.seq}`;
  if (live.seen.has(byClientId) || live.seen.has(bySeq)) {
    tracker.duplicates++;
    return;
  }
  live.seen.add(byClientId);
  live.seen.add(bySeq);
  const record = tracker.records.get(message.clientId);
  if (!record || live.index === record.sender) return;
  if (live.plan.joins !== record.jobId) {
    tracker.misrouted++;
    return;
  }
  record.delivered++;
  tracker.delivered++;
  tracker.deliverMs.push(now - record.intended);
  if (record.answer === "ok") tracker.owed--;
}
