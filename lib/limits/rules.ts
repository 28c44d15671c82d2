// How each limit's number becomes rate-limiter-flexible windows. Pure, so the
// arithmetic is tested on its own (tests/unit/limit-rules.test.ts).

/**
 * `points` per `duration` seconds at a steady pace, and beyond that
 * `burstPoints` more per `burstDuration` seconds. Durations are whole seconds:
 * Redis keys expire in whole seconds.
 */
export type RateRule = { points: number; duration: number; burstPoints: number; burstDuration: number };

/**
 * "At most N a minute" as a token bucket would feel: about a third of N at
 * once, then one every few seconds (30 a minute: 10 at once, then one every
 * 3 s), never more than N in a minute. So someone who was refused waits seconds,
 * not the rest of a minute.
 */
export function perMinute(limit: number): RateRule {
  const atOnce = Math.max(1, Math.floor(limit / 3));
  const burstPoints = atOnce - 1; // the steady window gives the first one
  const steady = limit - burstPoints;
  if (steady <= 60) return { points: 1, duration: Math.ceil(60 / steady), burstPoints, burstDuration: 60 };
  return { points: Math.floor(steady / 60), duration: 1, burstPoints, burstDuration: 60 };
}

/** N a second, and N more spread over ten seconds for a burst (a reconnect resending what waited). */
export function perSecond(limit: number): RateRule {
  return { points: limit, duration: 1, burstPoints: limit, burstDuration: 10 };
}

/** The whole seconds to tell someone to wait: never 0, so "try again in 0 s" cannot happen. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
