import { describe, expect, it } from "vitest";
import { formatClock, formatRelative, formatShortWhen, formatWindow } from "../../lib/format/dates.ts";
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
    const appUrl = "https://trio.example.com";
    expect(isAllowedOrigin("https://trio.example.com", { appUrl, host: "10.0.0.5:3000" })).toBe(true);
    // Another scheme or port of the same host is another origin.
    expect(isAllowedOrigin("http://trio.example.com", { appUrl, host: "trio.example.com" })).toBe(false);
    expect(isAllowedOrigin("https://trio.example.com:8443", { appUrl, host: "trio.example.com" })).toBe(false);
    // A spoofed Host (DNS rebinding) does not make a foreign page our own.
    expect(isAllowedOrigin("http://evil.example", { appUrl, host: "evil.example" })).toBe(false);
    expect(isAllowedOrigin("http://evil.example", { appUrl, host: "evil.example", dev: true })).toBe(true);
    expect(isAllowedOrigin("https://evil.example", { appUrl: "http://localhost:3000", host: "localhost:3000" })).toBe(
      false,
    );
    expect(isAllowedOrigin("null", { appUrl, host: "localhost:3000" })).toBe(false);
    expect(isAllowedOrigin(undefined, { appUrl, host: "localhost:3000" })).toBe(true);
    // No public address known: the host the page was reached at.
    expect(isAllowedOrigin("http://localhost:3000", { host: "localhost:3000" })).toBe(true);
  });
});

describe("formatShortWhen", () => {
  it("says only as much as a timeline cell needs", () => {
    const now = Date.parse("2026-11-26T20:00:00Z"); // Thu 3 pm in New York
    expect(formatShortWhen("2026-11-26T19:40:00Z", "America/New_York", now)).toBe("2:40 pm");
    expect(formatShortWhen("2026-11-24T14:05:00Z", "America/New_York", now)).toBe("Tue 9:05 am");
    expect(formatShortWhen("2026-11-02T14:05:00Z", "America/New_York", now)).toBe("Nov 2");
  });
});
