// A steady limiter with a burst allowance behind it, over rate-limiter-flexible.
// Like its BurstyRateLimiter, but it remembers which of the two gave the point,
// so a point can be given back exactly (a resend that stored nothing).

import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import type { RateRule } from "./rules.ts";
import { limiterStore } from "./store.ts";

export type Verdict = { ok: true; giveBack: () => Promise<void> } | { ok: false; retryAfterMs: number };

const passed: Verdict = { ok: true, giveBack: async () => {} };
const warned = new Set<string>();

export class PacedLimiter {
  constructor(
    readonly name: string,
    private readonly steady: RateLimiterAbstract,
    private readonly burst: RateLimiterAbstract | null,
  ) {}

  /**
   * One point for `key`. A limiter that fails (not a refusal: a store that
   * broke) lets the action through and says so once: limits keep one sender
   * from taking the machine, they must never stop everyone.
   */
  async take(key: string): Promise<Verdict> {
    try {
      return await this.consume(key);
    } catch (error) {
      if (!warned.has(this.name)) {
        warned.add(this.name);
        console.warn(`[trio] ${this.name} limit not checked: ${error instanceof Error ? error.message : error}`);
      }
      return passed;
    }
  }

  private async consume(key: string): Promise<Verdict> {
    const steady = await attempt(this.steady, key);
    if (!(steady instanceof RateLimiterRes)) return steady;
    if (!this.burst) return { ok: false, retryAfterMs: steady.msBeforeNext };
    const burst = await attempt(this.burst, key);
    if (!(burst instanceof RateLimiterRes)) return burst;
    // Refused by both: the steady window ends first, and then one more goes.
    return { ok: false, retryAfterMs: Math.min(steady.msBeforeNext, burst.msBeforeNext) };
  }
}

/** A point taken (with the way to give it back), or the refusal as the limiter reported it. */
async function attempt(limiter: RateLimiterAbstract, key: string): Promise<Verdict | RateLimiterRes> {
  try {
    await limiter.consume(key);
    return {
      ok: true,
      giveBack: async () => {
        await limiter.reward(key, 1).catch(() => {});
      },
    };
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    // The store counted the refused attempt too; undo it, so that a point given
    // back later is really free again instead of covering for refusals.
    await limiter.reward(key, 1).catch(() => {});
    return refusal;
  }
}

/** A paced limiter in memory, or in Redis when a client is given (see limiterStore). */
export function pacedLimiter(name: string, rule: RateRule, redis?: Redis): PacedLimiter {
  const steady = limiterStore(name, rule.points, rule.duration, redis);
  const burst =
    rule.burstPoints > 0 ? limiterStore(`${name}:burst`, rule.burstPoints, rule.burstDuration, redis) : null;
  return new PacedLimiter(name, steady, burst);
}
