// Carries thread entries to PostgreSQL as trio_append_entries statements. An
// entry that finds nothing in flight goes at once, alone; entries that arrive
// while a statement is in flight go together as the next statement and one
// transaction: a commit, a round trip and the Node-side cost of a query then
// serve many messages, so a busy node does less work per message instead of
// more. Nothing waits for a batch to fill.
import { type Db, poolOf } from "../db.ts";
import { runStatement } from "../sql.ts";

/** trio_append_entry's arguments, by name (trio_append_entries takes an array of them). */
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
  /** The homeowner hears of this step in their channel (a STEP notification, queued in the same statement). */
  notify?: true;
  /** A PHOTO entry's picture, already in the photo store: its Attachment row goes in with the entry. */
  attachment?: AttachmentParams;
};

/** An Attachment row's own columns (lib/attachments/post-photo.ts); the rest come from the stored entry. */
export type AttachmentParams = {
  id: string;
  storageKey: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
  thumbWidth: number;
  thumbHeight: number;
  thumbBytes: number;
};

/**
 * Statements in flight at once: one. Everything that arrives meanwhile goes in
 * the next statement, so the busier the node, the bigger the batches and the
 * less each message costs; the pool's other connections stay free for
 * handshakes, joins and pages. Measured with `npm run bench` on a 2-core
 * machine: with 4 in flight batches stayed small (p99 at 300 msg/s 90 ms,
 * knee 800–1,600 msg/s); with 1, p99 35 ms and the knee 2,000 msg/s. Only the
 * hot path's own work waits here. Outside these statements a job's row is
 * locked only by a rating (lib/feedback/rate-job.ts holds it for its short
 * transaction); the workers take advisory locks or lock their own rows
 * (participants, notifications), never jobs.
 */
const MAX_IN_FLIGHT = 1;
/** Entries per statement: bounds one transaction's locks and one message's wait. */
const MAX_BATCH = 100;

const APPEND = "SELECT * FROM trio_append_entries($1::jsonb)";
/**
 * The same, for a batch that holds a photo: each new entry's Attachment row
 * is inserted in the same statement (a data-modifying WITH runs whether or
 * not its rows are read), so a PHOTO message never exists without its
 * picture nor a picture without its message. A repeated clientId
 * ('existing') inserts nothing. Plain messages keep the plain statement.
 */
const APPEND_WITH_ATTACHMENTS = `
  WITH r AS (SELECT * FROM trio_append_entries($1::jsonb)),
  a AS (
    INSERT INTO "Attachment" ("id", "messageId", "jobId", "companyId", "storageKey", "contentType",
      "width", "height", "bytes", "thumbWidth", "thumbHeight", "thumbBytes", "createdAt")
    SELECT (x->>'id')::uuid, r.m_id, r.j_id, r.j_company_id, x->>'storageKey', x->>'contentType',
      (x->>'width')::integer, (x->>'height')::integer, (x->>'bytes')::integer,
      (x->>'thumbWidth')::integer, (x->>'thumbHeight')::integer, (x->>'thumbBytes')::integer, r.m_created_at
    FROM r JOIN jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, ord) ON r.idx = e.ord - 1,
      LATERAL (SELECT e.v->'attachment' AS x) att
    WHERE r.outcome = 'created' AND x IS NOT NULL AND jsonb_typeof(x) = 'object'
    RETURNING "id"
  )
  SELECT r.* FROM r`;
/** SQLSTATE trio_append_entry raises when a copy of the entry was stored between its lookup and its lock. */
const RACED = "TR001";

type EntryRow = Record<string, unknown>;
type Waiting = { params: EntryParams; resolve: (row: EntryRow | undefined) => void; reject: (error: unknown) => void };
type Batcher = { submit(params: EntryParams): Promise<EntryRow | undefined> };

// On globalThis: Next's bundle (HTTP doors) and server/ (sockets) load this
// module apart, and must share one queue and one in-flight budget per pool.
const hub = globalThis as typeof globalThis & { __trioBatchers?: WeakMap<object, Batcher> };
hub.__trioBatchers ??= new WeakMap();
const batchers = hub.__trioBatchers;

/** Appends one entry, batched with others under load; resolves with its row of trio_append_entry. */
export function submitEntry<Row>(db: Db, params: EntryParams): Promise<Row | undefined> {
  const pool = poolOf(db);
  let batcher = batchers.get(pool);
  if (!batcher) {
    batcher = createBatcher(db);
    batchers.set(pool, batcher);
  }
  return batcher.submit(params) as Promise<Row | undefined>;
}

function createBatcher(db: Db): Batcher {
  const queue: Waiting[] = [];
  let inFlight = 0;

  /** One statement for the whole batch (a batch of one included). */
  const append = async (batch: Waiting[]) => {
    const photos = batch.some((entry) => entry.params.attachment);
    const statement = () =>
      runStatement<EntryRow & { idx: number }>(
        db,
        photos ? "trio_append_entries_with_attachments" : "trio_append_entries",
        photos ? APPEND_WITH_ATTACHMENTS : APPEND,
        [JSON.stringify(batch.map((entry) => entry.params))],
      );
    // A copy of one of them was stored meanwhile: once more, the lookup finds it.
    const rows = await statement().catch((error) => {
      if ((error as { code?: unknown }).code === RACED) return statement();
      throw error;
    });
    const byIndex = new Map(rows.map(({ idx, ...row }) => [idx, row]));
    batch.forEach((entry, i) => {
      entry.resolve(byIndex.get(i));
    });
  };

  const run = async (batch: Waiting[]) => {
    try {
      await append(batch);
    } catch (error) {
      const [alone] = batch;
      if (batch.length === 1 && alone) return alone.reject(error);
      // Something no entry's validation caught rolled the batch back: each goes
      // again alone, in arrival order, so only a bad one fails (with its own error).
      console.warn(`[trio] a batch of ${batch.length} entries failed, retrying one by one: ${String(error)}`);
      for (const entry of batch) await run([entry]);
    }
  };

  const pump = () => {
    while (inFlight < MAX_IN_FLIGHT && queue.length > 0) {
      inFlight++;
      void run(queue.splice(0, MAX_BATCH)).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  return {
    submit(params) {
      return new Promise((resolve, reject) => {
        queue.push({ params, resolve, reject });
        pump();
      });
    },
  };
}
