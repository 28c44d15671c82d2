// What the load generator answers over IPC, and what it reports.
import type { SocketPlan, WorldJob } from "../world.ts";

export type TargetName = "relay" | "trio";

export type ConnectPlan = {
  target: TargetName;
  url: string;
  origin: string;
  sockets: SocketPlan[];
  jobs: WorldJob[];
  /** Sockets opened per second. */
  rate: number;
  /** How long after the last socket was due to wait for the stragglers. */
  settleMs: number;
};

export type ConnectResult = {
  target: TargetName;
  planned: number;
  connected: number;
  threadSockets: number;
  joined: number;
  connectErrors: Record<string, number>;
  joinErrors: Record<string, number>;
  /** Sockets neither ready nor failed when the wait ended. */
  unanswered: number;
  /** Intended open time → connected (and joined, for a thread socket), in ms. */
  readyMs: Float64Array;
  /** First intended open → last socket ready, in seconds. */
  allReadyS: number;
};

export type WindowPlan = { target: TargetName; label: string; rate: number; seconds: number; drainMs: number };

export type WindowResult = {
  target: TargetName;
  label: string;
  rate: number;
  seconds: number;
  scheduled: number;
  /** Sends answered with `{ data }`. */
  acked: number;
  /** Sends answered with `{ error }`, by code (`not_connected`: the sender's socket was down, nothing sent). */
  errors: Record<string, number>;
  /** Sends with no answer when the drain ended. */
  unanswered: number;
  /** `message:created` owed to the other sockets of each message's job. */
  expected: number;
  delivered: number;
  /** The same clientId or seq received twice at one socket. */
  duplicates: number;
  /** `message:created` at a socket that is not in the message's thread. */
  misrouted: number;
  /** `message:created` of an earlier window arriving during this one. */
  stragglers: number;
  /** `job:updated` received by all sockets during the window. */
  summaries: number;
  /** Sockets of this target that disconnected during the window. */
  disconnects: number;
  /** Intended send time → ack, in ms (answered sends only). */
  ackMs: Float64Array;
  /** Intended send time → `message:created` at each other socket, in ms. */
  deliverMs: Float64Array;
  /** How far behind its timetable the generator fell at worst, in ms. */
  maxLagMs: number;
  /** Schedule start → drain end, in seconds. */
  elapsedS: number;
  /** CPU seconds the load generator itself used. */
  loadCpuS: number;
};

export type LoadApi = {
  connect: { params: ConnectPlan; result: ConnectResult };
  window: { params: WindowPlan; result: WindowResult };
  disconnect: { params: { target: TargetName }; result: null };
};
