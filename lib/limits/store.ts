import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

/**
 * One rate-limiter-flexible window: `points` per `duration` seconds, in this
 * process's memory, or in Redis when a client is given (then memory is the
 * insurance: while Redis is unreachable each node counts on its own).
 */
export function limiterStore(keyPrefix: string, points: number, duration: number, redis?: Redis): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `trio:${keyPrefix}`,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

const warnedAbout = new Set<string>();

/**
 * Takes one point, or answers the refusal. A refused attempt is not counted
 * (it checked nothing). A store that broke (not a refusal) lets the attempt
 * through, as every limit here does, and says so once per `what`.
 */
export async function takePoint(store: RateLimiterAbstract, key: string, what: string): Promise<RateLimiterRes | null> {
  try {
    await store.consume(key);
    return null;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) {
      await store.reward(key, 1).catch(() => {});
      return refusal;
    }
    if (!warnedAbout.has(what)) {
      warnedAbout.add(what);
      console.warn(`[trio] ${what} not checked: ${refusal instanceof Error ? refusal.message : refusal}`);
    }
    return null;
  }
}

/** Gives a point back; a broken store keeps it, which only errs on the strict side. */
export const giveBackPoint = (store: RateLimiterAbstract, key: string): Promise<void> =>
  store.reward(key, 1).then(
    () => {},
    () => {},
  );
