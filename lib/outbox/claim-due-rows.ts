import type { Db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";

/** The outbox tables: a row waits (PENDING at nextAttemptAt), is held while sent (SENDING until lockedUntil), then ends. */
type OutboxTable = "Notification" | "PushNotice";

/**
 * Takes up to `limit` rows of an outbox table that are due (waiting, or held
 * by a worker whose hold ran out: it died mid-send) and holds them for
 * `holdMs`. SKIP LOCKED lets several workers and nodes claim at once without
 * waiting on each other or taking the same row; `attempts` counts this try,
 * and a finish is accepted only for the try that holds the row
 * (lib/notifications/finish-delivery.ts). Oldest first: RETURNING keeps no
 * order, and a homeowner hears "scheduled" before "on the way".
 */
export async function claimDueRows<Row extends { createdAt: Date }>(
  db: Db,
  table: OutboxTable,
  columns: readonly (keyof Row & string)[],
  { limit, holdMs, now }: { limit: number; holdMs: number; now: Date },
): Promise<Row[]> {
  const from = Prisma.raw(`"${table}"`);
  const returning = Prisma.raw(columns.map((column) => `n."${column}"`).join(", "));
  const until = new Date(now.getTime() + holdMs);
  const claimed = await db.$queryRaw<Row[]>`
    UPDATE ${from} n
    SET "state" = 'SENDING', "lockedUntil" = ${until}, "attempts" = n."attempts" + 1, "updatedAt" = ${now}
    WHERE n."id" IN (
      SELECT d."id" FROM ${from} d
      WHERE (d."state" = 'PENDING' AND d."nextAttemptAt" <= ${now})
         OR (d."state" = 'SENDING' AND d."lockedUntil" <= ${now})
      ORDER BY d."nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING ${returning}`;
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
