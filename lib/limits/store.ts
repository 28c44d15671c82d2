import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";

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
