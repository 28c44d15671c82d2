import { describe, expect, it } from "vitest";
import { perMinute, perSecond, retryAfterSeconds } from "../../lib/limits/rules.ts";

/** The most a rule lets through in the first minute of a burst: steady windows plus the burst. */
const firstMinute = (rule: ReturnType<typeof perMinute>) =>
  Math.ceil(60 / rule.duration) * rule.points + rule.burstPoints;

describe("limit rules", () => {
  it("turn 30 a minute into 10 at once, then one every 3 s, never over 30 in a minute", () => {
    const rule = perMinute(30);
    expect(rule).toEqual({ points: 1, duration: 3, burstPoints: 9, burstDuration: 60 });
    expect(rule.points + rule.burstPoints).toBe(10);
    expect(firstMinute(rule)).toBeLessThanOrEqual(30);
  });

  it("stay within the limit and allow at least one, for small and huge limits alike", () => {
    for (const limit of [1, 2, 3, 7, 45, 60, 61, 100, 1000, 1_000_000]) {
      const rule = perMinute(limit);
      expect(Number.isInteger(rule.duration) && rule.duration >= 1, `duration for ${limit}`).toBe(true);
      expect(rule.points, `points for ${limit}`).toBeGreaterThanOrEqual(1);
      expect(firstMinute(rule), `first minute for ${limit}`).toBeLessThanOrEqual(limit);
      expect(firstMinute(rule), `first minute for ${limit}`).toBeGreaterThanOrEqual(0.6 * limit);
    }
  });

  it("allow a second's worth of events and as many again as a burst", () => {
    expect(perSecond(20)).toEqual({ points: 20, duration: 1, burstPoints: 20, burstDuration: 10 });
  });

  it("never tell anyone to wait 0 s", () => {
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(2001)).toBe(3);
  });
});
