import { describe, expect, it } from "vitest";
import { stillTrue } from "@/components/offline/still-true.ts";

const NOW = Date.parse("2026-11-26T15:00:00Z");

describe("a status tap sent later than it was made", () => {
  it("keeps an arrival time the server still takes: ahead, due now, or a moment ago", () => {
    for (const eta of ["2026-11-26T15:10:00Z", "2026-11-26T15:00:20Z", "2026-11-26T14:59:00Z"]) {
      expect(stillTrue({ eta }, NOW)).toEqual({ eta });
    }
  });

  it("leaves out an arrival time that passed too long ago to be taken, and keeps the rest", () => {
    expect(stillTrue({ eta: "2026-11-26T14:50:00Z", summary: "Done" }, NOW)).toEqual({ summary: "Done" });
    // The server takes up to 2 minutes back; 100 s back leaves too little for the trip there.
    expect(stillTrue({ eta: "2026-11-26T14:58:20Z" }, NOW)).toEqual({});
  });

  it("leaves a tap without a time as it is", () => {
    expect(stillTrue({ reason: "Wrong job" }, NOW)).toEqual({ reason: "Wrong job" });
  });
});
