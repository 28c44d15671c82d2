// What an arrival time may be, apart from the schema (lib/jobs/schemas.ts) so
// the browser can use it without zod, whose eval probe trips the page's CSP.

/** A phone's clock and the server's differ a little: an ETA this far back still counts as now. */
export const ETA_CLOCK_SLACK_MS = 2 * 60 * 1000;
/** An ETA is at most this far ahead. */
export const ETA_MAX_AHEAD_MS = 24 * 60 * 60 * 1000;
