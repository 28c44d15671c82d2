import { describe, expect, it } from "vitest";
import { formatClock, formatRelative, formatWindow } from "../../lib/format/dates.ts";
import { isAllowedOrigin } from "../../server/realtime/origin.ts";

describe("time formatting", () => {
  it("shows times in the company's zone", () => {
    expect(formatClock("2026-11-24T14:05:00Z", "America/New_York")).toBe("9:05 am");
    expect(formatClock("2026-11-24T14:05:00Z", "Europe/Berlin")).toBe("3:05 pm");
  });

  it("writes an arrival window the way people say it", () => {
    expect(formatWindow("2026-11-24T14:00:00Z", "2026-11-24T16:00:00Z", "America/New_York")).toBe(
      "Tue, Nov 24, 9–11 am",
    );
    expect(formatWindow("2026-11-24T16:00:00Z", "2026-11-24T18:30:00Z", "America/New_York")).toBe(
      "Tue, Nov 24, 11 am–1:30 pm",
    );
  });

  it("gives relative hints", () => {
    const now = Date.parse("2026-11-24T12:00:00Z");
    expect(formatRelative("2026-11-24T11:59:50Z", now)).toBe("just now");
    expect(formatRelative("2026-11-24T11:55:00Z", now)).toBe("5 min ago");
    expect(formatRelative("2026-11-24T09:00:00Z", now)).toBe("3 h ago");
  });
});

describe("socket origin check", () => {
  it("accepts same-origin and the configured public address, refuses others", () => {
    expect(isAllowedOrigin("http://localhost:3000", "localhost:3000")).toBe(true);
    expect(isAllowedOrigin("https://trio.example.com", "10.0.0.5:3000", "https://trio.example.com")).toBe(true);
    expect(isAllowedOrigin("https://evil.example", "localhost:3000", "http://localhost:3000")).toBe(false);
    expect(isAllowedOrigin("null", "localhost:3000")).toBe(false);
    expect(isAllowedOrigin(undefined, "localhost:3000")).toBe(true);
  });
});
