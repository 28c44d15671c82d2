// Sign-in limits, taken before any password is hashed (the OWASP authentication
// cheat sheet's advice):
// - failures per account *from one address*: a stranger's guesses lock the
//   stranger out, not the owner signing in from their own phone;
// - attempts per address across all accounts: one password tried on many.
// Taken with rate-limiter-flexible's consume, which counts and checks in one
// step, so parallel attempts cannot all pass a check none of them has counted
// yet. In memory on one node, in Redis when REDIS_URL is set (lib/limits).
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "../env.ts";
import { storesBeside } from "../limits/limits.ts";
import { retryAfterSeconds } from "../limits/rules.ts";
import { giveBackPoint, limiterStore, takePoint } from "../limits/store.ts";

export const SIGN_IN_FAILURES_ALLOWED = 10;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

export type SignInPass = {
  ok: true;
  /** The attempt checked no password (the node was busy): its points are free again. */
  giveBack: () => Promise<void>;
  /** The password was right: this attempt is no failure. Earlier failures still count. */
  succeeded: () => Promise<void>;
};
export type SignInLimitRefusal = { ok: false; reason: "account" | "address"; retryAfter: number };

type Stores = { failures: RateLimiterAbstract; attempts: RateLimiterAbstract };

// Beside the other limits, and forgotten with them (resetLimits makes new ones).
const stores = (): Stores =>
  storesBeside("sign-in", ({ redis }) => ({
    failures: limiterStore("sign-in-failures", SIGN_IN_FAILURES_ALLOWED, SIGN_IN_WINDOW_SECONDS, redis),
    attempts: limiterStore("sign-in-attempts", env().LIMIT_SIGN_INS_PER_ADDRESS, SIGN_IN_WINDOW_SECONDS, redis),
  }));

const accountKeyOf = (email: string, address: string) => `${address} ${email}`;

/**
 * Forgets an account's failures from one address: for whoever just proved
 * they own the account another way (a password reset link), so their own
 * typos from before don't keep them out.
 */
export async function forgiveSignInFailures(email: string, address: string): Promise<void> {
  await stores()
    .failures.delete(accountKeyOf(email, address))
    .catch(() => {});
}

/** Takes this attempt's points before its password is checked, or refuses it. */
export async function takeSignInAttempt(email: string, address: string): Promise<SignInPass | SignInLimitRefusal> {
  const { failures, attempts } = stores();
  const accountKey = accountKeyOf(email, address);
  const lockedOut = await takePoint(failures, accountKey, "sign-in limit");
  if (lockedOut) return { ok: false, reason: "account", retryAfter: retryAfterSeconds(lockedOut.msBeforeNext) };
  const tooMany = await takePoint(attempts, address, "sign-in limit");
  if (tooMany) {
    await giveBackPoint(failures, accountKey);
    return { ok: false, reason: "address", retryAfter: retryAfterSeconds(tooMany.msBeforeNext) };
  }
  return {
    ok: true,
    giveBack: async () => {
      await Promise.all([giveBackPoint(failures, accountKey), giveBackPoint(attempts, address)]);
    },
    // Only this attempt's own point: wiping the count would also forgive
    // guesses that raced in beside it.
    succeeded: () => giveBackPoint(failures, accountKey),
  };
}
