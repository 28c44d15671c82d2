// Limits on the public request form, taken before anything is written:
// - requests per client address: one machine filling the form over and over;
// - requests per contact (phone or email) per company: someone else's number
//   used to flood a company, or a homeowner with texts and emails.
// Counted like the sign-in limits (lib/auth/sign-in-limiter.ts): in memory, or
// in Redis with REDIS_URL; a broken store lets requests through.
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { type Limits, limits } from "../limits/limits.ts";
import { retryAfterSeconds } from "../limits/rules.ts";
import { limiterStore } from "../limits/store.ts";

export const REQUEST_LIMIT_WINDOW_SECONDS = 60 * 60;

type Stores = { addresses: RateLimiterAbstract; contacts: RateLimiterAbstract };

// Beside the other limits, and forgotten with them (resetLimits makes new ones).
const hub = globalThis as typeof globalThis & { __trioIntakeStores?: WeakMap<Limits, Stores> };

function stores(): Stores {
  const current = limits();
  hub.__trioIntakeStores ??= new WeakMap();
  let found = hub.__trioIntakeStores.get(current);
  if (!found) {
    const settings = env();
    found = {
      addresses: limiterStore(
        "intake-address",
        settings.LIMIT_REQUESTS_PER_ADDRESS,
        REQUEST_LIMIT_WINDOW_SECONDS,
        current.redis,
      ),
      contacts: limiterStore(
        "intake-contact",
        settings.LIMIT_REQUESTS_PER_CONTACT,
        REQUEST_LIMIT_WINDOW_SECONDS,
        current.redis,
      ),
    };
    hub.__trioIntakeStores.set(current, found);
  }
  return found;
}

let warned = false;

async function take(store: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
  try {
    await store.consume(key);
    return null;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) {
      // Refused points are no attempt: take back the one consume added.
      await store.reward(key, 1).catch(() => {});
      return refusal;
    }
    if (!warned) {
      warned = true;
      console.warn(`[trio] request limit not checked: ${refusal instanceof Error ? refusal.message : refusal}`);
    }
    return null;
  }
}

const refuse = (refusal: RateLimiterRes) => {
  const seconds = retryAfterSeconds(refusal.msBeforeNext);
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    "rate_limited",
    `We've had several requests from you just now. Try again in ${minutes} min, or call us.`,
    { retryAfter: seconds },
  );
};

const giveBackOne = (store: RateLimiterAbstract, key: string) =>
  store.reward(key, 1).then(
    () => {},
    () => {},
  );

/**
 * Counts one request from this address for these contacts, or throws
 * `rate_limited` (a refused request counts nothing). A resend of a request
 * already made counts too: it opens a new link to that thread.
 */
export async function takeRequestAttempt(companyId: string, address: string, contacts: string[]): Promise<void> {
  const { addresses, contacts: perContact } = stores();
  const byAddress = await take(addresses, address);
  if (byAddress) throw refuse(byAddress);
  const taken: string[] = [];
  for (const contact of contacts) {
    const key = `${companyId} ${contact}`;
    const byContact = await take(perContact, key);
    if (byContact) {
      await Promise.all([giveBackOne(addresses, address), ...taken.map((done) => giveBackOne(perContact, done))]);
      throw refuse(byContact);
    }
    taken.push(key);
  }
}
