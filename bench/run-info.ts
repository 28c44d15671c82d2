// What was measured, and where: the commit and the machine.
import { execFileSync } from "node:child_process";
import os from "node:os";

export type RunInfo = {
  id: string;
  startedAt: string;
  finishedAt: string;
  commit: string | null;
  /** Files changed since that commit (outside bench/), which the run measured too. */
  uncommitted: string[];
  machine: { cpus: number; model: string; memoryGiB: number; node: string; platform: string };
};

function git(args: string[]): string | null {
  try {
    // trimEnd: porcelain lines start with a meaningful space.
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trimEnd();
  } catch {
    return null;
  }
}

export function describeRun(startedAt: Date, id: string): RunInfo {
  const cpus = os.cpus();
  const changed = git(["status", "--porcelain", "--untracked-files=no"]) ?? "";
  return {
    id,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: git(["rev-parse", "--short", "HEAD"])?.trim() ?? null,
    uncommitted: changed
      .split("\n")
      .map((line) => line.slice(3))
      .filter((file) => file && !file.startsWith("bench/")),
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
  };
}
