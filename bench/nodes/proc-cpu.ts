// CPU time of a process, and of a PostgreSQL server (its postmaster and every
// backend), from /proc: read from outside, so measuring costs the target nothing.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

type Stat = { ppid: number; own: number; children: number };

function readStat(pid: number): Stat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name may hold spaces and parentheses: fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const field = (index: number) => Number(fields[index]);
  // state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
  return { ppid: field(1), own: field(11) + field(12), children: field(13) + field(14) };
}

/** utime + stime of one process, in seconds; null when it is not readable. */
export function processCpuSeconds(pid: number): number | null {
  const stat = readStat(pid);
  return stat ? stat.own / TICKS_PER_SECOND : null;
}

/**
 * The postmaster, its live children (backends, WAL writer, checkpointer …)
 * and, through cutime/cstime, the children that already exited.
 */
export function postgresCpuSeconds(postmasterPid: number): number | null {
  const postmaster = readStat(postmasterPid);
  if (!postmaster) return null;
  let ticks = postmaster.own + postmaster.children;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.ppid === postmasterPid) ticks += stat.own;
  }
  return ticks / TICKS_PER_SECOND;
}
