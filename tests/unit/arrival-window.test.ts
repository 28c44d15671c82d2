import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors.ts";
import { arrivalWindow } from "../../lib/jobs/arrival-window.ts";

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.fields?.window : "not an AppError";
  }
  return null;
};

describe("arrival windows typed in the company's time zone", () => {
  const nextYear = new Date().getUTCFullYear() + 1;
  const zone = "America/New_York";

  it("reads the day and times on the company's clock, summer and winter", () => {
    const summer = arrivalWindow({ date: `${nextYear}-07-01`, start: "09:00", end: "11:00" }, zone);
    expect(summer.start.toISOString()).toBe(`${nextYear}-07-01T13:00:00.000Z`);
    expect(summer.end.toISOString()).toBe(`${nextYear}-07-01T15:00:00.000Z`);
    const winter = arrivalWindow({ date: `${nextYear}-01-15`, start: "09:30", end: "11:00" }, "Asia/Kolkata");
    expect(winter.start.toISOString()).toBe(`${nextYear}-01-15T04:00:00.000Z`);
  });

  it("refuses a window that ends before it starts, is over, or names no real day or time", () => {
    expect(refusal(() => arrivalWindow({ date: `${nextYear}-07-01`, start: "11:00", end: "09:00" }, zone))).toMatch(
      /after/,
    );
    expect(refusal(() => arrivalWindow({ date: `${nextYear}-07-01`, start: "11:00", end: "11:00" }, zone))).toMatch(
      /after/,
    );
    expect(refusal(() => arrivalWindow({ date: "2020-07-01", start: "09:00", end: "11:00" }, zone))).toMatch(/over/);
    expect(refusal(() => arrivalWindow({ date: `${nextYear}-02-31`, start: "09:00", end: "11:00" }, zone))).toMatch(
      /exist/,
    );
    expect(refusal(() => arrivalWindow({ date: `${nextYear}-07-01`, start: "25:00", end: "26:00" }, zone))).toMatch(
      /exist/,
    );
  });
});
