import { describe, expect, it } from "vitest";
import { quietUntil } from "../../lib/notifications/quiet-hours.ts";
import { MAX_RETRY_DELAY_MS, retryDelayMs } from "../../lib/notifications/retry-delay.ts";

describe("retry delays", () => {
  it("double per try within a jittered half, and stop growing at the cap", () => {
    expect(retryDelayMs(1, 1000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, () => 1)).toBe(1000);
    expect(retryDelayMs(2, 1000, () => 1)).toBe(2000);
    expect(retryDelayMs(4, 1000, () => 0.5)).toBe(6000);
    expect(retryDelayMs(40, 1000, () => 1)).toBe(MAX_RETRY_DELAY_MS);
  });
});

describe("quiet hours", () => {
  const newYork = { timeZone: "America/New_York", startHour: 21, endHour: 8 };

  it("hold a message from the evening to the next morning, in the company's zone", () => {
    expect(quietUntil(newYork, new Date("2031-01-15T02:30:00Z"))?.toISOString()).toBe("2031-01-15T13:00:00.000Z");
    expect(quietUntil(newYork, new Date("2031-01-15T11:59:00Z"))?.toISOString()).toBe("2031-01-15T13:00:00.000Z");
  });

  it("let daytime pass, and hours that don't wrap work too", () => {
    expect(quietUntil(newYork, new Date("2031-01-15T13:00:00Z"))).toBeNull();
    expect(quietUntil(newYork, new Date("2031-01-16T01:59:00Z"))).toBeNull();
    const early = { timeZone: "UTC", startHour: 0, endHour: 6 };
    expect(quietUntil(early, new Date("2031-01-15T05:00:00Z"))?.toISOString()).toBe("2031-01-15T06:00:00.000Z");
    expect(quietUntil(early, new Date("2031-01-15T06:00:00Z"))).toBeNull();
    expect(quietUntil({ timeZone: "UTC", startHour: 8, endHour: 8 }, new Date())).toBeNull();
  });
});
