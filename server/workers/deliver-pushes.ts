// Every NOTIFY_POLL_MS: the push outbox. Technicians with notifications on
// hear of homeowners' new messages (one push per burst) and of jobs given to
// them; technicians and the office, of homeowners left waiting (lib/push/).
//
// Why an outbox and not a push sent from the request that caused it: a send
// of a message is one statement on the hot path (lib/messages/append-entry.ts)
// and must not wait on a push service; a push decided from committed state
// (read marks, the job's technician) survives a crash or restart, coalesces a
// burst into one push, is skipped if read meanwhile, and is retried when the
// push service is down, like the homeowners' texts and emails.
import type { PrismaClient } from "@/lib/generated/prisma/client.ts";
import { deliverPushNotices, type PushDeliveryOptions } from "@/lib/push/deliver-push-notices.ts";
import { queuePushNotices } from "@/lib/push/queue-push-notices.ts";
import { LOOK_AROUND_MS } from "./deliver-notifications.ts";
import { every, startPolling } from "./poll.ts";

export type PushOutboxOptions = PushDeliveryOptions & { intervalMs: number; messageDelaySeconds: number };

/** One pass, as the loop runs it; tests call it with their own clock. */
export async function runPushOutbox(db: PrismaClient, options: PushOutboxOptions, { lookAround = true } = {}) {
  const now = options.now?.() ?? new Date();
  const queued = lookAround ? await queuePushNotices(db, { delaySeconds: options.messageDelaySeconds, now }) : null;
  const delivered = await deliverPushNotices(db, options);
  return { queued, delivered };
}

/** Starts the loop; returns its stop, which waits for a pass under way. */
export function startPushOutbox(
  db: () => PrismaClient,
  options: PushOutboxOptions,
  log: (line: string) => void,
): () => Promise<void> {
  // Who should hear of what is asked as the homeowners' outbox asks it: every few seconds, not every pass.
  const lookAroundNow = every(LOOK_AROUND_MS);
  return startPolling(
    "Push pass",
    options.intervalMs,
    async () => void (await runPushOutbox(db(), options, { lookAround: lookAroundNow() })),
    log,
  );
}
