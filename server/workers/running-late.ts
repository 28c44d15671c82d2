// Every LATE_CHECK_INTERVAL_MS: say in the thread when a visit runs late
// (lib/scheduling/flag-late-jobs.ts), and tell the live pages.
import type { Db } from "@/lib/db.ts";
import { publishMessage } from "@/lib/realtime/broadcast.ts";
import { flagLateJobs } from "@/lib/scheduling/flag-late-jobs.ts";

type Options = { intervalMs: number; graceMinutes: number; now?: () => Date };

/** Runs one check now: what the loop does each time (tests call it with their own clock). */
export async function checkRunningLate(db: Db, { graceMinutes, now = () => new Date() }: Omit<Options, "intervalMs">) {
  const notices = await flagLateJobs(db, now(), graceMinutes * 60_000);
  for (const { job, message } of notices) publishMessage(message, job);
  return notices;
}

/** Starts the loop; returns its stop. The timer never keeps the process alive. */
export function startRunningLateChecks(db: () => Db, options: Options, log: (line: string) => void): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const notices = await checkRunningLate(db(), options);
      if (notices.length > 0) log(`Running late: told ${notices.length} thread(s).`);
    } catch (error) {
      log(`Running-late check failed (tried again soon): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
