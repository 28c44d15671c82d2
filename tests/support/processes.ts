// What an operator would look at with `ps`: which processes a process started.
import { readdirSync, readFileSync } from "node:fs";

/** The parent pid of every process, read from /proc (Linux). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name in (…) may hold spaces; the fields after it do not.
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      map.set(Number(name), ppid);
    } catch {
      // Gone meanwhile.
    }
  }
  return map;
}

/** Every process below `pid`: children, their children, … */
export function descendants(pid: number): number[] {
  const byParent = parents();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [child, ppid] of byParent) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

export function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  } catch {
    return null;
  }
}

/** Processes still running, by their command line (a pid reused by an unrelated process does not count). */
export function stillRunning(before: Map<number, string>): string[] {
  return [...before]
    .filter(([pid, command]) => commandLine(pid) === command)
    .map(([pid, command]) => `${pid} ${command}`);
}

/** Every running process whose command line contains `text`, as `pid command`. */
export function processesMatching(text: string): string[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => `${pid} ${commandLine(Number(pid)) ?? ""}`)
    .filter((line) => line.includes(text));
}
