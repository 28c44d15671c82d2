// Every hour (and once at start): delete expired sessions and long-ended links.

import { cleanUpExpired } from "@/lib/auth/clean-up-expired.ts";
import type { Db } from "@/lib/db.ts";

const INTERVAL_MS = 60 * 60 * 1000;

/** Starts the clean-up loop; returns its stop. The timer never keeps the process alive. */
export function startCleanUp(db: () => Db, log: (line: string) => void): () => void {
  const run = async () => {
    try {
      const removed = await cleanUpExpired(db());
      const total = removed.staffSessions + removed.homeownerSessions + removed.accessLinks;
      if (total > 0) {
        log(
          `Clean-up: removed ${removed.staffSessions} staff and ${removed.homeownerSessions} homeowner sessions, ${removed.accessLinks} old links.`,
        );
      }
    } catch (error) {
      log(`Clean-up failed (tried again in an hour): ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  void run();
  const timer = setInterval(run, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
