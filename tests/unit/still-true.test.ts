import { describe, expect, it } from "vitest";
import { stillTrue } from "@/components/offline/still-true.ts";

const NOW = Date.parse("2026-11-26T15:00:00Z");

describe("a status tap sent later than it was made", () => {
  it("keeps an arrival time still ahead", () => {
    const details = { eta: "2026-11-26T15:10:00Z" };
    expect(stillTrue(details, NOW)).toEqual(details);
  });

  it("leaves out an arrival time that has passed meanwhile, and keeps the rest", () => {
    expect(stillTrue({ eta: "2026-11-26T14:50:00Z", summary: "Done" }, NOW)).toEqual({ summary: "Done" });
    // Due within the half minute it may take to arrive: as good as passed.
    expect(stillTrue({ eta: "2026-11-26T15:00:20Z" }, NOW)).toEqual({});
  });

  it("leaves a tap without a time as it is", () => {
    expect(stillTrue({ reason: "Wrong job" }, NOW)).toEqual({ reason: "Wrong job" });
  });
});
