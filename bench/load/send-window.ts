// One measured window: an open-loop rate of sends for a number of seconds,
// spread across jobs and senders (homeowner, technician, dispatcher in turn),
// then a drain until every send is answered and delivered, or time is up.
import { performance } from "node:perf_hooks";
import type { WindowPlan, WindowResult } from "./api.ts";
import type { LiveTarget, SendRecord, Tracker } from "./live-target.ts";
import { runTimetable, waitUntil } from "./timetable.ts";

const BODY = "The technician is on the way; please keep the driveway clear. #";

export async function sendWindow(target: LiveTarget, plan: WindowPlan): Promise<WindowResult> {
  const count = Math.round(plan.rate * plan.seconds);
  const jobs = target.jobs;
  const tracker: Tracker = {
    prefix: `${plan.label}-`,
    records: new Map(),
    deliverMs: [],
    delivered: 0,
    duplicates: 0,
    misrouted: 0,
    owed: 0,
  };
  for (const live of target.sockets) live.seen.clear();
  target.tracker = tracker;
  const before = {
    summaries: target.summaries,
    disconnects: target.disconnects,
    stragglers: target.stragglers,
    cpu: process.cpuUsage(),
  };
  const errors: Record<string, number> = {};
  const ackMs: number[] = [];
  let acked = 0;
  let answered = 0;
  let expected = 0;

  const answer = (record: SendRecord, code: string | null) => {
    answered++;
    if (code === null) {
      record.answer = "ok";
      acked++;
      tracker.owed += record.recipients - record.delivered;
    } else {
      record.answer = "error";
      errors[code] = (errors[code] ?? 0) + 1;
    }
  };

  const send = (i: number, intended: number) => {
    const job = jobs[i % jobs.length]!;
    const sender = job.sockets[Math.floor(i / jobs.length) % job.sockets.length]!;
    const clientId = `${tracker.prefix}${i.toString().padStart(7, "0")}`;
    const record: SendRecord = {
      jobId: job.id,
      sender,
      intended,
      recipients: job.sockets.length - 1,
      delivered: 0,
      answer: null,
    };
    tracker.records.set(clientId, record);
    expected += record.recipients;
    const live = target.sockets[sender];
    if (!live?.connected) return answer(record, "not_connected");
    live.socket.emit("message:send", { jobId: job.id, clientId, body: `${BODY}${i}` }, (response) => {
      ackMs.push(performance.now() - intended);
      answer(record, response.error ? response.error.code : null);
    });
  };

  const { start, maxLagMs } = await runTimetable(count, plan.rate, send);
  await waitUntil(() => answered >= count && tracker.owed <= 0, performance.now() + plan.drainMs);
  const end = performance.now();
  const cpu = process.cpuUsage(before.cpu);
  target.tracker = null;
  return {
    target: target.name,
    label: plan.label,
    rate: plan.rate,
    seconds: plan.seconds,
    scheduled: count,
    acked,
    errors,
    unanswered: count - answered,
    expected,
    delivered: tracker.delivered,
    duplicates: tracker.duplicates,
    misrouted: tracker.misrouted,
    stragglers: target.stragglers - before.stragglers,
    summaries: target.summaries - before.summaries,
    disconnects: target.disconnects - before.disconnects,
    ackMs: Float64Array.from(ackMs),
    deliverMs: Float64Array.from(tracker.deliverMs),
    maxLagMs,
    elapsedS: (end - start) / 1000,
    loadCpuS: (cpu.user + cpu.system) / 1e6,
  };
}
