// Every hour (and once at start): delete expired sessions and long-ended links,
// and photo files no message refers to.

import { type PhotoStore, photoStore } from "@/lib/attachments/photo-store.ts";
import { sweepPhotoFiles } from "@/lib/attachments/sweep-photo-files.ts";
import { cleanUpExpired } from "@/lib/auth/clean-up-expired.ts";
import type { Db } from "@/lib/db.ts";
import { startPolling } from "./poll.ts";

const INTERVAL_MS = 60 * 60 * 1000;

/** Starts the clean-up loop; returns its stop, which waits for a pass under way. */
export function startCleanUp(
  db: () => Db,
  log: (line: string) => void,
  store: () => PhotoStore = photoStore,
): () => Promise<void> {
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
      const swept = await sweepPhotoFiles(db(), store());
      if (swept.photoFiles + swept.unfinishedFiles > 0) {
        log(
          `Clean-up: removed ${swept.photoFiles} photo files no message refers to and ${swept.unfinishedFiles} left by unfinished writes.`,
        );
      }
    },
    log,
    { atStart: true },
  );
}
