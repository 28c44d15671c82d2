// Password hashes in flight at once on this node. scrypt runs on libuv's
// thread pool (4 threads), where Node also reads files: with every thread
// hashing, static files and pages wait. A few hashes at a time leave threads
// for everything else; the excess is refused at once, never queued, so a
// flood of sign-ins can neither grow a queue nor starve the site.

/** Leaves at least two of libuv's four threads for file reads and DNS. */
export const HASHES_AT_ONCE = 2;
/** What a refused attempt is told to wait: a hash takes well under a second. */
export const HASH_BUSY_RETRY_SECONDS = 1;

// On globalThis: Next bundles each route apart, and they share one thread pool.
const hub = globalThis as typeof globalThis & { __trioHashesInFlight?: { count: number } };

/** A slot for one hash (call the returned function once, when done), or null when all are taken. */
export function takeHashSlot(): (() => void) | null {
  hub.__trioHashesInFlight ??= { count: 0 };
  const slots = hub.__trioHashesInFlight;
  if (slots.count >= HASHES_AT_ONCE) return null;
  slots.count += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slots.count -= 1;
  };
}
