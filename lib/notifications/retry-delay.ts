/**
 * How long to wait before try `attempt + 1` after try `attempt` (1-based)
 * failed: the base doubled per try, capped at six hours, with "full jitter"
 * over the upper half, so notifications that failed together (a provider's
 * outage) don't all come back in the same second.
 */
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60 * 1000;

export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
