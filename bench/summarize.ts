// Turns the load generator's raw window results and the CPU measured around
// them into the figures the report shows.
import type { ConnectResult, TargetName, WindowResult } from "./load/api.ts";
import type { MemoryStats } from "./nodes/api.ts";
import { concat, type Percentiles, percentiles, round } from "./stats.ts";

export type CpuSeconds = { server: number | null; db: number | null };
export type MeasuredWindow = { result: WindowResult; cpu: CpuSeconds };

export type WindowSummary = {
  target: TargetName;
  label: string;
  rate: number;
  seconds: number;
  sent: number;
  acked: number;
  errors: Record<string, number>;
  unanswered: number;
  expected: number;
  delivered: number;
  deliveredPct: number;
  duplicates: number;
  misrouted: number;
  stragglers: number;
  summaries: number;
  disconnects: number;
  ackMs: Percentiles;
  deliverMs: Percentiles;
  maxLagMs: number;
  serverCpuS: number | null;
  dbCpuS: number | null;
  /** Server + database CPU seconds per 1,000 messages sent. */
  cpuPer1000S: number | null;
  loadCpuS: number;
  /** Schedule start → drain end, summed over the windows. */
  elapsedS: number;
};

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const sumOrNull = (values: (number | null)[]) =>
  values.some((value) => value === null) ? null : sum(values as number[]);

function addCounts(all: Record<string, number>[]) {
  const total: Record<string, number> = {};
  for (const counts of all) for (const [key, value] of Object.entries(counts)) total[key] = (total[key] ?? 0) + value;
  return total;
}

/** One window, or several of one target pooled (latencies merged, counts and CPU summed). */
export function summarize(label: string, windows: MeasuredWindow[]): WindowSummary {
  const results = windows.map((window) => window.result);
  const first = results[0];
  if (!first) throw new Error("nothing to summarize");
  const errors = addCounts(results.map((result) => result.errors));
  const scheduled = sum(results.map((result) => result.scheduled));
  const sent = scheduled - (errors.not_connected ?? 0);
  const expected = sum(results.map((result) => result.expected));
  const delivered = sum(results.map((result) => result.delivered));
  const serverCpuS = sumOrNull(windows.map((window) => window.cpu.server));
  const dbCpuS = first.target === "relay" ? 0 : sumOrNull(windows.map((window) => window.cpu.db));
  const cpu = serverCpuS === null ? null : serverCpuS + (dbCpuS ?? 0);
  return {
    target: first.target,
    label,
    rate: first.rate,
    seconds: sum(results.map((result) => result.seconds)),
    sent,
    acked: sum(results.map((result) => result.acked)),
    errors,
    unanswered: sum(results.map((result) => result.unanswered)),
    expected,
    delivered,
    deliveredPct: expected ? round((100 * delivered) / expected, 2) : 100,
    duplicates: sum(results.map((result) => result.duplicates)),
    misrouted: sum(results.map((result) => result.misrouted)),
    stragglers: sum(results.map((result) => result.stragglers)),
    summaries: sum(results.map((result) => result.summaries)),
    disconnects: sum(results.map((result) => result.disconnects)),
    ackMs: percentiles(concat(results.map((result) => result.ackMs))),
    deliverMs: percentiles(concat(results.map((result) => result.deliverMs))),
    maxLagMs: round(Math.max(...results.map((result) => result.maxLagMs))),
    serverCpuS: serverCpuS === null ? null : round(serverCpuS, 2),
    dbCpuS: dbCpuS === null ? null : round(dbCpuS, 2),
    cpuPer1000S: cpu === null || sent === 0 ? null : round((1000 * cpu) / sent, 3),
    loadCpuS: round(sum(results.map((result) => result.loadCpuS)), 2),
    elapsedS: round(sum(results.map((result) => result.elapsedS)), 2),
  };
}

export type ConnectSummary = Omit<ConnectResult, "readyMs"> & {
  readyMs: Percentiles;
  /** Server + database CPU milliseconds per socket opened (handshake and join). */
  cpuMsPerSocket: number | null;
  heapPerSocketKiB: number | null;
  rssPerSocketKiB: number | null;
};

export function summarizeConnect(
  result: ConnectResult,
  cpu: CpuSeconds,
  memory: { before: MemoryStats; after: MemoryStats },
): ConnectSummary {
  const sockets = result.connected;
  const cpuS = cpu.server === null ? null : cpu.server + (result.target === "relay" ? 0 : (cpu.db ?? 0));
  const perSocket = (bytes: number) => (sockets ? round(bytes / sockets / 1024, 2) : null);
  return {
    ...result,
    readyMs: percentiles(result.readyMs),
    cpuMsPerSocket: cpuS === null || !sockets ? null : round((1000 * cpuS) / sockets, 2),
    heapPerSocketKiB: perSocket(memory.after.heapUsed - memory.before.heapUsed),
    rssPerSocketKiB: perSocket(memory.after.rss - memory.before.rss),
  };
}
