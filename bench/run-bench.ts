// The orchestrator: starts the bare relay, a Trio node and the load generator
// (three processes), connects the world to both targets, runs alternating
// measured windows at the same load, then the knee, and returns the report.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { findKnee, type KneeResult } from "./knee.ts";
import type { LoadApi, TargetName } from "./load/api.ts";
import { BENCH_APP_URL, type RelayReady, type ServerApi, TRIO_BENCH_ENV, type TrioReady } from "./nodes/api.ts";
import { postgresCpuSeconds, processCpuSeconds } from "./nodes/proc-cpu.ts";
import { type Child, startChild } from "./nodes/start-child.ts";
import type { BenchOptions } from "./options.ts";
import { describeRun, type RunInfo } from "./run-info.ts";
import { ratio } from "./stats.ts";
import {
  type ConnectSummary,
  type CpuSeconds,
  type MeasuredWindow,
  summarize,
  summarizeConnect,
  type WindowSummary,
} from "./summarize.ts";
import type { TrioNodeConfig } from "./trio-node.ts";

export type BenchReport = {
  run: RunInfo;
  options: BenchOptions;
  database: string;
  sockets: { thread: number; board: number };
  connect: Record<TargetName, ConnectSummary>;
  windows: WindowSummary[];
  pooled: Record<TargetName, WindowSummary>;
  ratios: {
    deliverP99: number | null;
    ackP99: number | null;
    cpuPerMessage: number | null;
    heapPerSocket: number | null;
    rssPerSocket: number | null;
    cpuPerSocket: number | null;
  };
  knee: KneeResult[] | null;
  /** Messages acked with data across the run, and what the target holds afterwards. */
  stored: Record<TargetName, { acked: number; stored: number }>;
  logs: Record<string, string>;
};

type Targets = { relay: Child<ServerApi, RelayReady>; trio: Child<ServerApi, TrioReady> };
const TARGETS: TargetName[] = ["relay", "trio"];
const PAUSE_BETWEEN_WINDOWS_MS = 1000;
const CONNECT_SETTLE_MS = 60_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function envWith(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

function cpuNow(targets: Targets, name: TargetName): CpuSeconds {
  if (name === "relay") return { server: processCpuSeconds(targets.relay.pid), db: 0 };
  const postgres = targets.trio.ready.postgresPid;
  return { server: processCpuSeconds(targets.trio.pid), db: postgres ? postgresCpuSeconds(postgres) : null };
}

async function measured<T>(targets: Targets, name: TargetName, run: () => Promise<T>) {
  const before = cpuNow(targets, name);
  const result = await run();
  const after = cpuNow(targets, name);
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return { result, cpu: { server: diff(after.server, before.server), db: diff(after.db, before.db) } };
}

async function startAll(options: BenchOptions, stamp: string) {
  mkdirSync(options.logDir, { recursive: true });
  const logPath = (name: string) => path.join(options.logDir, `${stamp}-${name}.log`);
  const trioConfig: TrioNodeConfig = {
    jobs: options.jobs,
    companies: options.companies,
    boardsPerCompany: options.boards,
    serverUrl: options.databaseServer ?? undefined,
    durable: options.durable,
  };
  const started = await Promise.allSettled([
    startChild<ServerApi, RelayReady>("relay", "relay.ts", {
      env: envWith({ NODE_ENV: "production" }),
      logPath: logPath("relay"),
    }),
    startChild<ServerApi, TrioReady>("trio", "trio-node.ts", {
      env: envWith({
        ...TRIO_BENCH_ENV,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        DATABASE_URL: undefined,
        DATABASE_POOL_SIZE: options.poolSize === null ? undefined : String(options.poolSize),
        BENCH_TRIO_NODE: JSON.stringify(trioConfig),
      }),
      logPath: logPath("trio"),
    }),
    startChild<LoadApi, { pid: number }>("load", "load-generator.ts", { env: envWith({}), logPath: logPath("load") }),
  ]);
  const children = started.flatMap((entry) => (entry.status === "fulfilled" ? [entry.value] : []));
  const stopAll = async () => {
    await Promise.all(children.map((child) => child.stop()));
  };
  const failed = started.find((entry) => entry.status === "rejected");
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  const [relay, trio, load] = started.map((entry) => (entry as PromiseFulfilledResult<unknown>).value) as [
    Child<ServerApi, RelayReady>,
    Child<ServerApi, TrioReady>,
    Child<LoadApi, { pid: number }>,
  ];
  return {
    targets: { relay, trio } satisfies Targets,
    load,
    stopAll,
    logs: Object.fromEntries(children.map((c) => [c.name, c.logPath])),
  };
}

export async function runBench(options: BenchOptions, say: (line: string) => void = () => {}): Promise<BenchReport> {
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  say(
    `Starting the relay, a Trio node (seeding ${options.jobs} jobs in ${options.companies} companies) and the load generator …`,
  );
  const { targets, load, stopAll, logs } = await startAll(options, stamp);
  // Ctrl-C reaches every process of the group: the children stop themselves; wait for them.
  const onSignal = () => void stopAll().then(() => process.exit(130));
  process.once("SIGINT", onSignal);
  try {
    const { world, database } = targets.trio.ready;
    const url = (name: TargetName) => `http://127.0.0.1:${targets[name].ready.port}`;

    const connect = {} as Record<TargetName, ConnectSummary>;
    for (const name of TARGETS) {
      say(`Opening ${world.sockets.length} sockets to ${name} at ${options.connectRate}/s …`);
      const before = await targets[name].call("memory", null);
      const { result, cpu } = await measured(targets, name, () =>
        load.call("connect", {
          target: name,
          url: url(name),
          origin: BENCH_APP_URL,
          sockets: world.sockets,
          jobs: world.jobs,
          rate: options.connectRate,
          settleMs: CONNECT_SETTLE_MS,
        }),
      );
      const after = await targets[name].call("memory", null);
      connect[name] = summarizeConnect(result, cpu, { before, after });
      say(
        `  ${name}: ${result.connected} connected, ${result.joined}/${result.threadSockets} joined in ${result.allReadyS.toFixed(1)} s`,
      );
    }

    const runWindow = async (name: TargetName, label: string, rate: number, seconds: number) => {
      const window: MeasuredWindow = await measured(targets, name, () =>
        load.call("window", { target: name, label, rate, seconds, drainMs: options.drainSeconds * 1000 }),
      );
      const summary = summarize(label, [window]);
      say(
        `  ${label.padEnd(7)} ${name.padEnd(5)} ${String(rate).padStart(5)} msg/s  delivered ${summary.deliveredPct}%  ` +
          `deliver p99 ${summary.deliverMs.p99 ?? "–"} ms  errors ${JSON.stringify(summary.errors)}`,
      );
      await pause(PAUSE_BETWEEN_WINDOWS_MS);
      return { window, summary };
    };

    say(`Measured windows: ${options.rate} msg/s for ${options.seconds} s, alternating relay and Trio …`);
    const main: Record<TargetName, MeasuredWindow[]> = { relay: [], trio: [] };
    const windows: WindowSummary[] = [];
    for (let w = 1; w <= options.windows; w++) {
      for (const name of TARGETS) {
        const { window, summary } = await runWindow(name, `w${w}${name[0]}`, options.rate, options.seconds);
        main[name].push(window);
        windows.push(summary);
      }
    }

    let knee: KneeResult[] | null = null;
    if (options.knee) {
      say(`Knee: ${options.kneeRates.join(", ")} msg/s, ${options.kneeSeconds} s each …`);
      knee = await findKnee(options.kneeRates, TARGETS, async (name, label, rate) => {
        const { summary } = await runWindow(name, label, rate, options.kneeSeconds);
        return summary;
      });
    }

    const stored = {} as BenchReport["stored"];
    for (const name of TARGETS) {
      const kneeAcked = knee
        ?.find((result) => result.target === name)
        ?.steps.reduce((sum, step) => sum + step.acked, 0);
      const mainAcked = windows
        .filter((window) => window.target === name)
        .reduce((sum, window) => sum + window.acked, 0);
      stored[name] = { acked: mainAcked + (kneeAcked ?? 0), stored: await targets[name].call("stored", null) };
    }

    const pooled = { relay: summarize("all", main.relay), trio: summarize("all", main.trio) };
    return {
      run: describeRun(startedAt, stamp),
      options,
      database,
      sockets: {
        thread: world.sockets.filter((socket) => socket.joins).length,
        board: world.sockets.filter((socket) => !socket.joins).length,
      },
      connect,
      windows,
      pooled,
      ratios: {
        deliverP99: ratio(pooled.trio.deliverMs.p99, pooled.relay.deliverMs.p99),
        ackP99: ratio(pooled.trio.ackMs.p99, pooled.relay.ackMs.p99),
        cpuPerMessage: ratio(pooled.trio.cpuPer1000S, pooled.relay.cpuPer1000S),
        heapPerSocket: ratio(connect.trio.heapPerSocketKiB, connect.relay.heapPerSocketKiB),
        rssPerSocket: ratio(connect.trio.rssPerSocketKiB, connect.relay.rssPerSocketKiB),
        cpuPerSocket: ratio(connect.trio.cpuMsPerSocket, connect.relay.cpuMsPerSocket),
      },
      knee,
      stored,
      logs,
    };
  } finally {
    process.off("SIGINT", onSignal);
    await stopAll();
  }
}
