// Every JOURNEY_CHECK_INTERVAL_MS: what Trio says in threads by itself, after
// a while rather than at a tap: a visit running late (lib/scheduling/
// flag-late-jobs.ts) and who is coming once the office's choice has settled
// (lib/jobs/announce-technicians.ts). Each entry goes out to live pages.
import type { Db } from "@/lib/db.ts";
import { announceTechnicians } from "@/lib/jobs/announce-technicians.ts";
import { publishJob, publishMessage } from "@/lib/realtime/broadcast.ts";
import { flagLateJobs } from "@/lib/scheduling/flag-late-jobs.ts";

export type JourneyCheckOptions = { graceMinutes: number; settleSeconds: number; now?: () => Date };

/** One pass, as the loop runs it; tests call it with their own clock. */
export async function checkJourney(
  db: Db,
  { graceMinutes, settleSeconds, now = () => new Date() }: JourneyCheckOptions,
) {
  const late = await flagLateJobs(db, now(), graceMinutes * 60_000);
  const announced = await announceTechnicians(db, now(), settleSeconds * 1000);
  for (const { job, message } of [...late, ...announced]) {
    publishMessage(message, job);
    publishJob(job);
  }
  return { late, announced };
}

/** Starts the loop; returns its stop. The timer never keeps the process alive. */
export function startJourneyChecks(
  db: () => Db,
  options: JourneyCheckOptions & { intervalMs: number },
  log: (line: string) => void,
): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const { late, announced } = await checkJourney(db(), options);
      if (late.length > 0) log(`Running late: told ${late.length} thread(s).`);
      if (announced.length > 0) log(`Technician announced in ${announced.length} thread(s).`);
    } catch (error) {
      log(`Journey check failed (tried again soon): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
