// Trio's fair limits, built once per process from the settings (lib/env.ts).
// Cached on globalThis: Next's bundle (HTTP doors) and server/ (sockets) load
// this module apart but must count the same sends.
import { Redis } from "ioredis";
import { type Env, env } from "../env.ts";
import { type PacedLimiter, pacedLimiter } from "./paced-limiter.ts";
import { perMinute, perSecond } from "./rules.ts";

export type Limits = {
  /** Per person per job, across every door; in Redis when REDIS_URL is set, so nodes share it. */
  sends: PacedLimiter;
  /**
   * Per socket: a socket lives on one node, so these stay in memory even with
   * Redis (a round trip per event would buy nothing).
   */
  events: PacedLimiter;
  joins: PacedLimiter;
  socketsPerSession: number;
  /** Open sockets per session on this node. */
  openSockets: Map<string, number>;
  redis?: Redis;
};

const hub = globalThis as typeof globalThis & { __trioLimits?: Limits };

function connectRedis(url: string): Redis {
  // No offline queue: while Redis is away a check fails at once and the
  // in-memory insurance answers, instead of sends waiting on a reconnect.
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let lastWarned = 0;
  client.on("error", (error: Error) => {
    if (Date.now() - lastWarned < 60_000) return;
    lastWarned = Date.now();
    console.warn(`[trio] Redis for limits unreachable, counting in memory meanwhile: ${error.message}`);
  });
  return client;
}

export function createLimits(settings: Env): Limits {
  const redis = settings.REDIS_URL ? connectRedis(settings.REDIS_URL) : undefined;
  return {
    sends: pacedLimiter("sends", perMinute(settings.LIMIT_SENDS_PER_MINUTE), redis),
    events: pacedLimiter("events", perSecond(settings.LIMIT_EVENTS_PER_SECOND)),
    joins: pacedLimiter("joins", perMinute(settings.LIMIT_JOINS_PER_MINUTE)),
    socketsPerSession: settings.LIMIT_SOCKETS_PER_SESSION,
    openSockets: new Map(),
    redis,
  };
}

export function limits(): Limits {
  hub.__trioLimits ??= createLimits(env());
  return hub.__trioLimits;
}

/** Lets go of Redis, if these limits use it. */
export async function closeLimits(closing: Limits): Promise<void> {
  const { redis } = closing;
  if (!redis) return;
  await redis.quit().catch(() => redis.disconnect());
}

/** Forgets every count and closes Redis; the next check reads the settings again (tests, shutdown). */
export async function resetLimits(): Promise<void> {
  const current = hub.__trioLimits;
  hub.__trioLimits = undefined;
  if (current) await closeLimits(current);
}

// Stores kept beside the current limits by name, and forgotten with them
// (resetLimits makes new limits). On globalThis: server/ and Next's bundle
// must count in the same stores.
const extras = globalThis as typeof globalThis & { __trioLimitStores?: WeakMap<Limits, Map<string, unknown>> };

/** A set of stores made once per `limits()` (the sign-in limits, the request form's limits). */
export function storesBeside<T>(name: string, build: (current: Limits) => T): T {
  const current = limits();
  extras.__trioLimitStores ??= new WeakMap();
  let byName = extras.__trioLimitStores.get(current);
  if (!byName) {
    byName = new Map();
    extras.__trioLimitStores.set(current, byName);
  }
  if (!byName.has(name)) byName.set(name, build(current));
  return byName.get(name) as T;
}
