import { ETA_CLOCK_SLACK_MS } from "@/lib/jobs/eta-limits.ts";
import type { TransitionDetails } from "./outbox-store.ts";

/** How long a tap may take to reach the server once sent. */
const ON_THE_WIRE_MS = 30_000;

/**
 * A tap made offline goes out later: an arrival time it promised may have
 * passed by then, past what the server takes (a little in the past, for
 * clocks that differ: lib/jobs/eta-limits.ts). The step itself still stands ("On
 * my way"); such a time is left out rather than the tap refused, and a new one
 * can be given after. A time the server still takes is sent as it was set.
 */
export function stillTrue(details: TransitionDetails, now = Date.now()): TransitionDetails {
  if (!details.eta || Date.parse(details.eta) > now - ETA_CLOCK_SLACK_MS + ON_THE_WIRE_MS) return details;
  const { eta: _passed, ...rest } = details;
  return rest;
}
