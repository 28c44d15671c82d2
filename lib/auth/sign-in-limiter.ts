// Sign-in limits, taken before any password is hashed (the OWASP authentication
// cheat sheet's advice):
// - failures per account *from one address*: a stranger's guesses lock the
//   stranger out, not the owner signing in from their own phone;
// - attempts per address across all accounts: one password tried on many.
// Taken with rate-limiter-flexible's consume, which counts and checks in one
// step, so parallel attempts cannot all pass a check none of them has counted
// yet. In memory on one node, in Redis when REDIS_URL is set (lib/limits).
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env.ts";
import { type Limits, limits } from "../limits/limits.ts";
import { retryAfterSeconds } from "../limits/rules.ts";
import { limiterStore } from "../limits/store.ts";

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
const hub = globalThis as typeof globalThis & { __trioSignInStores?: WeakMap<Limits, Stores> };

function stores(): Stores {
  const current = limits();
  hub.__trioSignInStores ??= new WeakMap();
  let found = hub.__trioSignInStores.get(current);
  if (!found) {
    const { redis } = current;
    found = {
      failures: limiterStore("sign-in-failures", SIGN_IN_FAILURES_ALLOWED, SIGN_IN_WINDOW_SECONDS, redis),
      attempts: limiterStore("sign-in-attempts", env().LIMIT_SIGN_INS_PER_ADDRESS, SIGN_IN_WINDOW_SECONDS, redis),
    };
    hub.__trioSignInStores.set(current, found);
  }
  return found;
}

let warned = false;

/** One point, or the refusal. A refused attempt is not counted: it checked nothing. */
async function take(store: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
  try {
    await store.consume(key);
    return null;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) {
      await store.reward(key, 1).catch(() => {});
      return refusal;
    }
    // A store that broke (not a refusal) lets sign-in through, as every limit
    // here does; the hash slots still bound what a flood can cost.
    if (!warned) {
      warned = true;
      console.warn(`[trio] sign-in limit not checked: ${refusal instanceof Error ? refusal.message : refusal}`);
    }
    return null;
  }
}

const giveBackOne = (store: RateLimiterAbstract, key: string) =>
  store.reward(key, 1).then(
    () => {},
    () => {},
  );

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
  const lockedOut = await take(failures, accountKey);
  if (lockedOut) return { ok: false, reason: "account", retryAfter: retryAfterSeconds(lockedOut.msBeforeNext) };
  const tooMany = await take(attempts, address);
  if (tooMany) {
    await giveBackOne(failures, accountKey);
    return { ok: false, reason: "address", retryAfter: retryAfterSeconds(tooMany.msBeforeNext) };
  }
  return {
    ok: true,
    giveBack: async () => {
      await Promise.all([giveBackOne(failures, accountKey), giveBackOne(attempts, address)]);
    },
    // Only this attempt's own point: wiping the count would also forgive
    // guesses that raced in beside it.
    succeeded: () => giveBackOne(failures, accountKey),
  };
}
