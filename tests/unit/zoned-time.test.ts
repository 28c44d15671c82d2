import { describe, expect, it } from "vitest";
import { nextZonedTime, zonedInstant, zonedToday } from "../../lib/format/zoned-time.ts";

describe("zoned wall-clock times", () => {
  it("turns a company's wall clock into the right instant, across DST", () => {
    expect(zonedInstant("2026-11-26", "14:40", "America/New_York").toISOString()).toBe("2026-11-26T19:40:00.000Z");
    expect(zonedInstant("2026-07-01", "09:00", "America/New_York").toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(zonedInstant("2026-03-08", "12:00", "America/New_York").toISOString()).toBe("2026-03-08T16:00:00.000Z");
    expect(zonedInstant("2026-11-26", "08:00", "Asia/Kolkata").toISOString()).toBe("2026-11-26T02:30:00.000Z");
    expect(zonedInstant("2026-11-26", "23:30", "UTC").toISOString()).toBe("2026-11-26T23:30:00.000Z");
  });

  it("knows the zone's date and the next time its clock reads a time", () => {
    const now = Date.parse("2026-11-26T03:00:00Z"); // 10 pm on the 25th in New York
    expect(zonedToday("America/New_York", now)).toBe("2026-11-25");
    expect(zonedToday("Europe/Berlin", now)).toBe("2026-11-26");
    expect(nextZonedTime("22:30", "America/New_York", now).toISOString()).toBe("2026-11-26T03:30:00.000Z");
    expect(nextZonedTime("09:00", "America/New_York", now).toISOString()).toBe("2026-11-26T14:00:00.000Z");
    expect(nextZonedTime("21:59", "America/New_York", now, 120_000).toISOString()).toBe("2026-11-26T02:59:00.000Z");
  });
});
