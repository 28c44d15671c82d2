// Opens a target's sockets at a set rate; each thread socket joins its job.
import { performance } from "node:perf_hooks";
import { io } from "socket.io-client";
import type { ConnectPlan, ConnectResult } from "./api.ts";
import { type ClientSocket, type LiveSocket, type LiveTarget, onDelivered } from "./live-target.ts";
import { runTimetable, waitUntil } from "./timetable.ts";

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

export async function connectSockets(plan: ConnectPlan): Promise<{ target: LiveTarget; result: ConnectResult }> {
  const target: LiveTarget = {
    name: plan.target,
    sockets: [],
    jobs: plan.jobs,
    tracker: null,
    summaries: 0,
    stragglers: 0,
    disconnects: 0,
  };
  const connectErrors: Record<string, number> = {};
  const joinErrors: Record<string, number> = {};
  const readyMs: number[] = [];
  let settled = 0;
  let connected = 0;
  let joined = 0;
  let lastReady = 0;

  const ready = (intended: number) => {
    const now = performance.now();
    readyMs.push(now - intended);
    lastReady = Math.max(lastReady, now);
    settled++;
  };

  const open = (index: number, intended: number) => {
    const socketPlan = plan.sockets[index]!;
    const socket: ClientSocket = io(plan.url, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: socketPlan.cookie, origin: plan.origin },
      auth: socketPlan.identity,
    });
    const live: LiveSocket = { index, plan: socketPlan, socket, connected: false, seen: new Set() };
    target.sockets[index] = live;
    socket.on("message:created", (message) => onDelivered(target, live, message, performance.now()));
    socket.on("job:updated", () => {
      target.summaries++;
    });
    socket.on("disconnect", () => {
      live.connected = false;
      target.disconnects++;
    });
    socket.once("connect_error", (error) => {
      bump(connectErrors, error.message);
      settled++;
    });
    socket.once("connect", () => {
      live.connected = true;
      connected++;
      const jobId = socketPlan.joins;
      if (!jobId) return ready(intended);
      socket.emit("thread:join", { jobId, afterSeq: 0 }, (response) => {
        if (response.error) {
          bump(joinErrors, response.error.code);
          settled++;
          return;
        }
        joined++;
        ready(intended);
      });
    });
  };

  const { start } = await runTimetable(plan.sockets.length, plan.rate, open);
  await waitUntil(() => settled >= plan.sockets.length, performance.now() + plan.settleMs);
  return {
    target,
    result: {
      target: plan.target,
      planned: plan.sockets.length,
      connected,
      threadSockets: plan.sockets.filter((socket) => socket.joins).length,
      joined,
      connectErrors,
      joinErrors,
      unanswered: plan.sockets.length - settled,
      readyMs: Float64Array.from(readyMs),
      allReadyS: lastReady > 0 ? (lastReady - start) / 1000 : 0,
    },
  };
}
