// Every JOURNEY_CHECK_INTERVAL_MS: what Trio says in threads by itself, after
// a while rather than at a tap: a visit running late (lib/scheduling/
// flag-late-jobs.ts) and who is coming once the office's choice has settled
// (lib/jobs/announce-technicians.ts). Each entry goes out to live pages.
import type { Db } from "@/lib/db.ts";
import { announceTechnicians } from "@/lib/jobs/announce-technicians.ts";
import { publishJob, publishMessage } from "@/lib/realtime/broadcast.ts";
import { flagLateJobs } from "@/lib/scheduling/flag-late-jobs.ts";
import { startPolling } from "./poll.ts";

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

/** Starts the loop; returns its stop, which waits for a pass under way. */
export function startJourneyChecks(
  db: () => Db,
  options: JourneyCheckOptions & { intervalMs: number },
  log: (line: string) => void,
): () => Promise<void> {
  return startPolling(
    "Journey check",
    options.intervalMs,
    async () => {
      const { late, announced } = await checkJourney(db(), options);
      if (late.length > 0) log(`Running late: told ${late.length} thread(s).`);
      if (announced.length > 0) log(`Technician announced in ${announced.length} thread(s).`);
    },
    log,
  );
}
