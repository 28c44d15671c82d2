// What the two targets (the Trio node and the bare relay) answer over IPC.
import type { World } from "../world.ts";

export type MemoryStats = { heapUsed: number; rss: number };

export type ServerApi = {
  /** process.memoryUsage() after a full garbage collection. */
  memory: { params: null; result: MemoryStats };
  /** Messages the target has stored (Trio: rows in the database; relay: in memory). */
  stored: { params: null; result: number };
};

export type TrioReady = {
  port: number;
  /** The PostgreSQL postmaster's pid when it runs on this machine, for its CPU time. */
  postgresPid: number | null;
  world: World;
  database: string;
};

export type RelayReady = { port: number };

/** The Origin both targets accept (Trio checks it against its appUrl). */
export const BENCH_APP_URL = "http://trio.bench";

/** The settings every Trio node of the bench gets: the hot path, not the limiter, is measured. */
export const TRIO_BENCH_ENV = {
  NODE_ENV: "production",
  LIMIT_SENDS_PER_MINUTE: "1000000",
  LIMIT_EVENTS_PER_SECOND: "1000000",
  LIMIT_JOINS_PER_MINUTE: "1000000",
  LIMIT_SOCKETS_PER_SESSION: "1000000",
} as const;

export function memoryNow(): MemoryStats {
  // Started with --expose-gc: measure what is live, not what awaits collection.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}
