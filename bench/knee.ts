// The knee: step the rate up, each target in turn, and keep the highest rate
// whose window delivered ≥ 99.9 % with deliver p99 ≤ 200 ms. A target stops
// stepping at its first miss (a machine past its knee only gets slower). A
// miss is tried once more before it counts: on a shared 2-core machine one
// hiccup of a neighbour can spoil a 5-second window.
import type { TargetName } from "./load/api.ts";
import { KNEE_DELIVERED, KNEE_P99_MS } from "./options.ts";
import type { WindowSummary } from "./summarize.ts";

export type KneeStep = WindowSummary & { pass: boolean; retry: boolean };
export type KneeResult = {
  target: TargetName;
  steps: KneeStep[];
  /** The highest passing rate; null when the lowest rate tried already missed. */
  knee: number | null;
  /** The rate that missed, or null when every rate tried passed. */
  missedAt: number | null;
};

export const passesKnee = (window: WindowSummary) =>
  window.deliveredPct >= KNEE_DELIVERED * 100 && window.deliverMs.p99 !== null && window.deliverMs.p99 <= KNEE_P99_MS;

export async function findKnee(
  rates: number[],
  targets: TargetName[],
  runWindow: (target: TargetName, label: string, rate: number) => Promise<WindowSummary>,
): Promise<KneeResult[]> {
  const results = targets.map((target): KneeResult => ({ target, steps: [], knee: null, missedAt: null }));
  for (const rate of rates) {
    for (const result of results) {
      if (result.missedAt !== null) continue;
      let window = await runWindow(result.target, `k${rate}${result.target[0]}`, rate);
      let pass = passesKnee(window);
      result.steps.push({ ...window, pass, retry: false });
      if (!pass) {
        window = await runWindow(result.target, `k${rate}${result.target[0]}2`, rate);
        pass = passesKnee(window);
        result.steps.push({ ...window, pass, retry: true });
      }
      if (pass) result.knee = rate;
      else result.missedAt = rate;
    }
    if (results.every((result) => result.missedAt !== null)) break;
  }
  return results;
}
