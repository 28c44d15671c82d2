// Slows password guessing: after too many failed sign-ins for one email, that
// email is refused for a while, whatever the password. Kept in this process's
// memory (one Trio node); rate-limiter-flexible's Redis limiter is the drop-in
// when several nodes share the load.
import { RateLimiterMemory } from "rate-limiter-flexible";

export const SIGN_IN_FAILURES_ALLOWED = 10;
const WINDOW_SECONDS = 15 * 60;

const hub = globalThis as typeof globalThis & { __trioSignInLimiter?: RateLimiterMemory };

function limiter(): RateLimiterMemory {
  hub.__trioSignInLimiter ??= new RateLimiterMemory({
    keyPrefix: "sign-in",
    points: SIGN_IN_FAILURES_ALLOWED,
    duration: WINDOW_SECONDS,
  });
  return hub.__trioSignInLimiter;
}

export async function isSignInLocked(email: string): Promise<boolean> {
  const state = await limiter().get(email);
  return state !== null && state.consumedPoints >= SIGN_IN_FAILURES_ALLOWED;
}

export async function recordSignInFailure(email: string): Promise<void> {
  await limiter().penalty(email, 1);
}

export async function clearSignInFailures(email: string): Promise<void> {
  await limiter().delete(email);
}
