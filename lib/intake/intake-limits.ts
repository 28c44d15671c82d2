// Limits on the public request form, taken before anything is written:
// - requests per client address: one machine filling the form over and over;
// - requests per contact (phone or email) per company: someone else's number
//   used to flood a company, or a homeowner with texts and emails.
// Counted like the sign-in limits (lib/auth/sign-in-limiter.ts): in memory, or
// in Redis with REDIS_URL; a broken store lets requests through.
import type { RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { storesBeside } from "../limits/limits.ts";
import { retryAfterSeconds } from "../limits/rules.ts";
import { giveBackPoint, limiterStore, takePoint } from "../limits/store.ts";

export const REQUEST_LIMIT_WINDOW_SECONDS = 60 * 60;

type Stores = { addresses: RateLimiterAbstract; contacts: RateLimiterAbstract };

const stores = (): Stores =>
  storesBeside("intake", ({ redis }) => ({
    addresses: limiterStore("intake-address", env().LIMIT_REQUESTS_PER_ADDRESS, REQUEST_LIMIT_WINDOW_SECONDS, redis),
    contacts: limiterStore("intake-contact", env().LIMIT_REQUESTS_PER_CONTACT, REQUEST_LIMIT_WINDOW_SECONDS, redis),
  }));

const refuse = (refusal: RateLimiterRes) => {
  const seconds = retryAfterSeconds(refusal.msBeforeNext);
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    "rate_limited",
    `We've had several requests from you just now. Try again in ${minutes} min, or call us.`,
    { retryAfter: seconds },
  );
};

/**
 * Counts one request from this address for these contacts, or throws
 * `rate_limited` (a refused request counts nothing). A resend of a request
 * already made counts too: it opens a new link to that thread.
 */
export async function takeRequestAttempt(companyId: string, address: string, contacts: string[]): Promise<void> {
  const { addresses, contacts: perContact } = stores();
  const byAddress = await takePoint(addresses, address, "request limit");
  if (byAddress) throw refuse(byAddress);
  const taken: string[] = [];
  for (const contact of contacts) {
    const key = `${companyId} ${contact}`;
    const byContact = await takePoint(perContact, key, "request limit");
    if (byContact) {
      await Promise.all([giveBackPoint(addresses, address), ...taken.map((done) => giveBackPoint(perContact, done))]);
      throw refuse(byContact);
    }
    taken.push(key);
  }
}
