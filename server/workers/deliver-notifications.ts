// Every NOTIFY_POLL_MS: the outbox. Homeowners who are away hear of staff
// messages they haven't read (one notification per quiet spell, never one per
// message), staff of a homeowner left waiting past the first-reply target,
// then whatever is due goes out (lib/notifications/).
import type { PrismaClient } from "@/lib/generated/prisma/client.ts";
import { type DeliveryOptions, deliverDue } from "@/lib/notifications/deliver-due.ts";
import { queueMessageBatches } from "@/lib/notifications/queue-message-batches.ts";
import { queueWaitingAlerts } from "@/lib/notifications/queue-waiting-alerts.ts";
import { every, startPolling } from "./poll.ts";

export type OutboxOptions = DeliveryOptions & { intervalMs: number; messageDelaySeconds: number };

/**
 * The two questions that scan threads (who is away with unread messages, who
 * has waited too long) are asked at most this often; what is due goes out on
 * every pass. Both wait minutes, so seconds more cost nothing.
 */
export const LOOK_AROUND_MS = 5000;

/** One pass, as the loop runs it; tests call it with their own clock. */
export async function runOutbox(db: PrismaClient, options: OutboxOptions, { lookAround = true } = {}) {
  const now = options.now?.() ?? new Date();
  const batched = lookAround ? await queueMessageBatches(db, { delaySeconds: options.messageDelaySeconds, now }) : 0;
  const alerted = lookAround ? await queueWaitingAlerts(db, now) : 0;
  const delivered = await deliverDue(db, options);
  return { batched, alerted, delivered };
}

/** Starts the loop; returns its stop, which waits for a pass under way. */
export function startOutbox(
  db: () => PrismaClient,
  options: OutboxOptions,
  log: (line: string) => void,
): () => Promise<void> {
  const lookAroundNow = every(LOOK_AROUND_MS);
  return startPolling(
    "Outbox pass",
    options.intervalMs,
    async () => {
      const { delivered } = await runOutbox(db(), options, { lookAround: lookAroundNow() });
      if (delivered.failed > 0) log(`Notifications: ${delivered.failed} failed for good (shown on their jobs).`);
    },
    log,
  );
}
