import type { TransitionDetails } from "./outbox-store.ts";

/**
 * A tap made offline goes out later: an arrival time it promised may have
 * passed by then. The step itself still stands ("On my way"); the time is
 * left out rather than the tap refused, and a new one can be given after.
 */
export function stillTrue(details: TransitionDetails, now = Date.now()): TransitionDetails {
  if (!details.eta || Date.parse(details.eta) > now + 30_000) return details;
  const { eta: _passed, ...rest } = details;
  return rest;
}
