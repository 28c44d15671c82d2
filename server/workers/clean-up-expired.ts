// Every hour (and once at start): delete expired sessions and long-ended links.

import { cleanUpExpired } from "@/lib/auth/clean-up-expired.ts";
import type { Db } from "@/lib/db.ts";
import { startPolling } from "./poll.ts";

const INTERVAL_MS = 60 * 60 * 1000;

/** Starts the clean-up loop; returns its stop, which waits for a pass under way. */
export function startCleanUp(db: () => Db, log: (line: string) => void): () => Promise<void> {
  return startPolling(
    "Clean-up",
    INTERVAL_MS,
    async () => {
      const removed = await cleanUpExpired(db());
      const total = removed.staffSessions + removed.homeownerSessions + removed.accessLinks;
      if (total > 0) {
        log(
          `Clean-up: removed ${removed.staffSessions} staff and ${removed.homeownerSessions} homeowner sessions, ${removed.accessLinks} old links.`,
        );
      }
    },
    log,
    { atStart: true },
  );
}
