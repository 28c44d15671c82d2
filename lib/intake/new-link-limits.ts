// Limits on "Send me a new link", taken before anything is looked up, the same
// whether or not the contact matches: per client address (one machine trying
// many numbers) and per contact (one phone flooded with texts).
import type { RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { storesBeside } from "../limits/limits.ts";
import { retryAfterSeconds } from "../limits/rules.ts";
import { giveBackPoint, limiterStore, takePoint } from "../limits/store.ts";

const WINDOW_SECONDS = 60 * 60;

const stores = () =>
  storesBeside("new-link", ({ redis }) => ({
    addresses: limiterStore("new-link-address", env().LIMIT_NEW_LINKS_PER_ADDRESS, WINDOW_SECONDS, redis),
    contacts: limiterStore("new-link-contact", env().LIMIT_NEW_LINKS_PER_CONTACT, WINDOW_SECONDS, redis),
  }));

const refuse = (refusal: RateLimiterRes) => {
  const seconds = retryAfterSeconds(refusal.msBeforeNext);
  return new AppError(
    "rate_limited",
    `That's several new links asked for just now. Try again in ${Math.ceil(seconds / 60)} min, or call the office.`,
    { retryAfter: seconds },
  );
};

export async function takeNewLinkAttempt(address: string, contact: string): Promise<void> {
  const { addresses, contacts } = stores();
  const byAddress = await takePoint(addresses, address, "new-link limit");
  if (byAddress) throw refuse(byAddress);
  const byContact = await takePoint(contacts, contact, "new-link limit");
  if (byContact) {
    await giveBackPoint(addresses, address);
    throw refuse(byContact);
  }
}
