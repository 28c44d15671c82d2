import { PrismaPg } from "@prisma/adapter-pg";
import { env, requireDatabaseUrl } from "./env.ts";
import { type Prisma, PrismaClient } from "./generated/prisma/client.ts";

/** A client or an open transaction: every lib function takes one. */
export type Db = PrismaClient | Prisma.TransactionClient;

type Cached = { url: string; client: PrismaClient };
const cache = globalThis as typeof globalThis & { __trioDb?: Cached };

export function createDb(url: string): PrismaClient {
  // pg waits for a free connection as long as it takes (no connectionTimeoutMillis):
  // under overload requests queue and answer late instead of failing. The few
  // interactive transactions left (turning a link off, seeding) wait as long
  // as a minute for one, not Prisma's default of 2 s.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: env().DATABASE_POOL_SIZE }),
    transactionOptions: { maxWait: 60_000 },
  });
}

// Created on first use, not at import: `next build` runs without a database.
// Cached on globalThis because Next's bundle and server/ load this module apart.
export function getDb(): PrismaClient {
  const url = requireDatabaseUrl();
  if (cache.__trioDb?.url !== url) {
    void cache.__trioDb?.client.$disconnect();
    cache.__trioDb = { url, client: createDb(url) };
  }
  return cache.__trioDb.client;
}

export async function disconnectDb() {
  await cache.__trioDb?.client.$disconnect();
  cache.__trioDb = undefined;
}
