import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env, requireDatabaseUrl } from "./env.ts";
import { type Prisma, PrismaClient } from "./generated/prisma/client.ts";

/** A client or an open transaction: every lib function takes one. */
export type Db = PrismaClient | Prisma.TransactionClient;

type Cached = { url: string; client: PrismaClient };
const cache = globalThis as typeof globalThis & { __trioDb?: Cached; __trioPools?: WeakMap<object, pg.Pool> };
// On globalThis like the client: a copy of this module in Next's bundle must find the pool too.
cache.__trioPools ??= new WeakMap();
const pools = cache.__trioPools;

/**
 * A Prisma client over a pg pool of its own. pg waits for a free connection
 * as long as it takes (no connectionTimeoutMillis): under overload requests
 * queue and answer late instead of failing. The few interactive transactions
 * left (turning a link off, seeding) wait up to a minute, not Prisma's 2 s.
 */
export function createDb(url: string, poolOptions: Partial<pg.PoolConfig> = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString: url, max: env().DATABASE_POOL_SIZE, ...poolOptions });
  const client = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: 60_000 } });
  pools.set(client, pool);
  return client;
}

/**
 * The pg pool under a client made by createDb, for the hot path's statements
 * (lib/messages/append-entry.ts, mark-read.ts): through Prisma's $queryRaw a
 * statement costs about twice the Node CPU of the same statement through pg.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("poolOf: not a client made by createDb (the hot path runs outside transactions)");
  return pool;
}

/** Ends a client from createDb and its pool. */
export async function closeDb(client: PrismaClient) {
  await client.$disconnect();
  const pool = pools.get(client);
  pools.delete(client);
  if (pool && !pool.ended) await pool.end();
}

// Created on first use, not at import: `next build` runs without a database.
// Cached on globalThis because Next's bundle and server/ load this module apart.
export function getDb(): PrismaClient {
  const url = requireDatabaseUrl();
  if (cache.__trioDb?.url !== url) {
    if (cache.__trioDb) void closeDb(cache.__trioDb.client);
    cache.__trioDb = { url, client: createDb(url) };
  }
  return cache.__trioDb.client;
}

export async function disconnectDb() {
  const cached = cache.__trioDb;
  cache.__trioDb = undefined;
  if (cached) await closeDb(cached.client);
}
