// Runs `step(i)` for i = 0 … count-1 at start + i / rate seconds: a fixed
// timetable, so a slow target never slows the offered load (no coordinated
// omission). Resolves once every step has run; reports how late it fell.
import { performance } from "node:perf_hooks";

export function runTimetable(count: number, rate: number, step: (i: number, intended: number) => void) {
  const start = performance.now();
  const gap = 1000 / rate;
  let next = 0;
  let maxLagMs = 0;
  return new Promise<{ start: number; maxLagMs: number }>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < count && start + next * gap <= now) {
        const intended = start + next * gap;
        maxLagMs = Math.max(maxLagMs, now - intended);
        step(next, intended);
        next++;
      }
      if (next >= count) resolve({ start, maxLagMs });
      else setTimeout(tick, Math.max(0, Math.min(start + next * gap - performance.now(), 5)));
    };
    tick();
  });
}

/** Polls until `done()` or the deadline (performance.now() time). */
export async function waitUntil(done: () => boolean, deadline: number) {
  while (!done() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
