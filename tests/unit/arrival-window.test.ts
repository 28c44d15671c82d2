import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors.ts";
import { arrivalWindow, zonedInstant } from "../../lib/jobs/arrival-window.ts";

describe("arrival windows in the company's time zone", () => {
  it("reads a wall-clock time in the zone, summer and winter", () => {
    expect(zonedInstant("2030-07-01", "09:00", "America/New_York")?.toISOString()).toBe("2030-07-01T13:00:00.000Z");
    expect(zonedInstant("2030-01-15", "09:30", "America/New_York")?.toISOString()).toBe("2030-01-15T14:30:00.000Z");
    expect(zonedInstant("2030-01-15", "09:30", "Asia/Kolkata")?.toISOString()).toBe("2030-01-15T04:00:00.000Z");
    expect(zonedInstant("2030-01-15", "00:00", "UTC")?.toISOString()).toBe("2030-01-15T00:00:00.000Z");
  });

  it("knows the hour skipped in spring does not exist, and the repeated one in fall is the first", () => {
    expect(zonedInstant("2030-03-10", "02:30", "America/New_York")).toBeNull();
    expect(zonedInstant("2030-11-03", "01:30", "America/New_York")?.toISOString()).toBe("2030-11-03T05:30:00.000Z");
    expect(zonedInstant("2030-02-31", "10:00", "America/New_York")).toBeNull();
  });

  it("refuses a window that ends before it starts or is already over", () => {
    const zone = "America/New_York";
    expect(arrivalWindow({ date: "2030-07-01", start: "09:00", end: "11:00" }, zone).end.toISOString()).toBe(
      "2030-07-01T15:00:00.000Z",
    );
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof AppError ? error.fields?.window : "not an AppError";
      }
      return null;
    };
    expect(refusal(() => arrivalWindow({ date: "2030-07-01", start: "11:00", end: "09:00" }, zone))).toMatch(/after/);
    expect(refusal(() => arrivalWindow({ date: "2030-07-01", start: "11:00", end: "11:00" }, zone))).toMatch(/after/);
    expect(refusal(() => arrivalWindow({ date: "2020-07-01", start: "09:00", end: "11:00" }, zone))).toMatch(/over/);
  });
});
