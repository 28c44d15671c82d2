// Carries thread entries to PostgreSQL. Alone, an entry goes at once as one
// statement (trio_append_entry). When entries arrive while a statement is in
// flight, they go together as the next statement and one transaction
// (trio_append_entries): a commit, a round trip and the Node-side cost of a
// query then serve many messages, so a busy node does less work per message
// instead of more. Nothing waits for a batch to fill.
import type { Db } from "../db.ts";
import { poolOf } from "../db.ts";
import { runStatement } from "../sql.ts";

/** trio_append_entry's arguments, by name. */
export type EntryParams = {
  jobId: string;
  companyId: string;
  technicianId: string | null;
  userId: string | null;
  customerId: string | null;
  role: string;
  name: string;
  kind: string;
  visibility: string;
  body: string;
  clientId: string | null;
  expect: Record<string, unknown>;
  change: Record<string, unknown>;
};

/**
 * Statements in flight at once: one. Everything that arrives meanwhile goes in
 * the next statement, so the busier the node, the bigger the batches and the
 * less each message costs; the pool's other connections stay free for
 * handshakes, joins and pages. Measured with `npm run bench` on a 2-core
 * machine: with 4 in flight batches stayed small (p99 at 300 msg/s 90 ms,
 * knee 800–1,600 msg/s); with 1, p99 35 ms and the knee 2,000 msg/s. Only the
 * hot path's own work waits here: no other code locks job rows.
 */
const MAX_IN_FLIGHT = 1;
/** Entries per statement: bounds one transaction's locks and one message's wait. */
const MAX_BATCH = 100;

const APPEND_ONE = `SELECT * FROM trio_append_entry(
  $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::"ParticipantRole", $7,
  $8::"MessageKind", $9::"Visibility", $10, $11, $12::jsonb, $13::jsonb)`;
const APPEND_MANY = "SELECT * FROM trio_append_entries($1::jsonb)";
/** SQLSTATE trio_append_entry raises when a copy of the entry was stored between its lookup and its lock. */
const RACED = "TR001";

type Waiting<Row> = { params: EntryParams; resolve: (row: Row | undefined) => void; reject: (error: unknown) => void };

type Batcher = { submit<Row>(params: EntryParams): Promise<Row | undefined> };

// On globalThis: Next's bundle (HTTP doors) and server/ (sockets) load this
// module apart, and must share one queue and one in-flight budget per pool.
const hub = globalThis as typeof globalThis & { __trioBatchers?: WeakMap<object, Batcher> };
hub.__trioBatchers ??= new WeakMap();
const batchers = hub.__trioBatchers;

/** Appends one entry, batched with others under load; resolves with its row. */
export function submitEntry<Row>(db: Db, params: EntryParams): Promise<Row | undefined> {
  const pool = poolOf(db);
  let batcher = batchers.get(pool);
  if (!batcher) {
    batcher = createBatcher(db);
    batchers.set(pool, batcher);
  }
  return batcher.submit<Row>(params);
}

const one = <Row>(db: Db, p: EntryParams) =>
  runStatement<Row>(db, "trio_append_entry", APPEND_ONE, [
    p.jobId,
    p.companyId,
    p.technicianId,
    p.userId,
    p.customerId,
    p.role,
    p.name,
    p.kind,
    p.visibility,
    p.body,
    p.clientId,
    JSON.stringify(p.expect),
    JSON.stringify(p.change),
  ]).then((rows) => rows[0]);

function createBatcher(db: Db): Batcher {
  // biome-ignore lint/suspicious/noExplicitAny: rows of any shape pass through; submit<Row> types them for its caller.
  type AnyRow = any;
  const queue: Waiting<AnyRow>[] = [];
  let inFlight = 0;

  const runAlone = async (entry: Waiting<AnyRow>) => {
    try {
      entry.resolve(
        await one(db, entry.params).catch((error) => {
          // A racing copy of this clientId was committed after our lookup: again, it finds that one.
          if ((error as { code?: unknown }).code === RACED) return one(db, entry.params);
          throw error;
        }),
      );
    } catch (error) {
      entry.reject(error);
    }
  };

  const many = (batch: Waiting<AnyRow>[]) =>
    runStatement<{ idx: number }>(db, "trio_append_entries", APPEND_MANY, [
      JSON.stringify(batch.map((entry) => entry.params)),
    ]);

  const runBatch = async (batch: Waiting<AnyRow>[]) => {
    try {
      const rows = await many(batch).catch((error) => {
        // A copy of one of them was stored meanwhile: once more, the lookup finds it.
        if ((error as { code?: unknown }).code === RACED) return many(batch);
        throw error;
      });
      const byIndex = new Map(rows.map(({ idx, ...row }) => [idx, row]));
      batch.forEach((entry, i) => {
        entry.resolve(byIndex.get(i));
      });
    } catch (error) {
      // Something no entry's validation caught rolled the batch back: each goes
      // again alone, in arrival order, so only a bad one fails (with its own error).
      console.warn(`[trio] a batch of ${batch.length} entries failed, retrying one by one: ${String(error)}`);
      for (const entry of batch) await runAlone(entry);
    }
  };

  const pump = () => {
    while (inFlight < MAX_IN_FLIGHT && queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      inFlight++;
      const done = () => {
        inFlight--;
        pump();
      };
      const [first] = batch;
      if (batch.length === 1 && first) void runAlone(first).finally(done);
      else void runBatch(batch).finally(done);
    }
  };

  return {
    submit<Row>(params: EntryParams) {
      return new Promise<Row | undefined>((resolve, reject) => {
        queue.push({ params, resolve, reject } as Waiting<AnyRow>);
        pump();
      });
    },
  };
}
