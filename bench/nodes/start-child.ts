// Starts one of the bench's processes (Trio node, relay, load generator) as a
// child with an IPC channel, its output in a log file, and waits until it is ready.
import { type ChildProcess, fork } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Api, client, readyOf } from "../ipc.ts";

const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const REPO_DIR = path.dirname(BENCH_DIR);
const READY_TIMEOUT_MS = 300_000;

export type Child<A extends Api, R> = {
  name: string;
  pid: number;
  ready: R;
  call: ReturnType<typeof client<A>>;
  logPath: string;
  /** Asks it to stop (disconnecting its IPC channel), then waits for it to exit. */
  stop: () => Promise<void>;
};

function cpuProfile(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

function tail(file: string, lines = 40) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

function exited(child: ChildProcess, timeoutMs: number) {
  return new Promise<boolean>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startChild<A extends Api, R>(
  name: string,
  script: string,
  options: { env: NodeJS.ProcessEnv; logPath: string },
): Promise<Child<A, R>> {
  const log = openSync(options.logPath, "a");
  const child = fork(path.join(BENCH_DIR, script), [], {
    cwd: REPO_DIR,
    // tsx runs TypeScript in this very process (its pid is the one measured); --expose-gc for memoryUsage.
    // BENCH_CPU_PROF=<dir>: each process writes a V8 CPU profile there when it exits.
    execArgv: ["--import", "tsx", "--expose-gc", ...cpuProfile()],
    env: options.env,
    stdio: ["ignore", log, log, "ipc"],
    serialization: "advanced",
  });
  closeSync(log);
  const call = client<A>(child);
  const ready = await new Promise<R>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} not ready after ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${name} exited (${code}) before it was ready. Its log (${options.logPath}):\n${tail(options.logPath)}`,
        ),
      );
    };
    child.once("exit", onExit);
    child.on("message", (message: unknown) => {
      const value = readyOf(message);
      if (value === undefined) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      resolve(value as R);
    });
  }).catch(async (error: unknown) => {
    if (child.exitCode === null) child.kill("SIGKILL");
    throw error;
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.disconnect();
    if (!(await exited(child, 30_000))) child.kill("SIGKILL");
  };
  return { name, pid: child.pid ?? 0, ready, call, logPath: options.logPath, stop };
}
