import { describe, expect, it } from "vitest";
import { planTechnicianDay } from "@/lib/jobs/plan-technician-day.ts";

const ZONE = "America/New_York";
// 2026-11-26 10:00 in New York (15:00 UTC).
const NOW = Date.parse("2026-11-26T15:00:00Z");

type Job = Parameters<typeof planTechnicianDay>[0][number] & { id: string };
const job = (id: string, fields: Partial<Job> = {}): Job => ({
  id,
  status: "SCHEDULED",
  windowStart: null,
  createdAt: "2026-11-20T12:00:00Z",
  awaitingReplySince: null,
  ...fields,
});
const plan = (jobs: Job[], now = NOW) =>
  planTechnicianDay(jobs, ZONE, now).map((group) => [group.title, group.jobs.map((j) => j.id)]);

describe("a technician's day", () => {
  it("puts today's visits in time order, then tomorrow, later and those with no time", () => {
    expect(
      plan([
        job("later", { windowStart: "2026-11-30T14:00:00Z" }),
        job("afternoon", { windowStart: "2026-11-26T19:00:00Z" }),
        job("no-time", { status: "REQUESTED" }),
        job("morning", { windowStart: "2026-11-26T14:00:00Z" }),
        job("tomorrow", { windowStart: "2026-11-27T14:00:00Z" }),
      ]),
    ).toEqual([
      ["Today", ["morning", "afternoon"]],
      ["Tomorrow", ["tomorrow"]],
      ["Later", ["later"]],
      ["No visit time yet", ["no-time"]],
    ]);
  });

  it("reads days on the company's calendar, not the server's", () => {
    // 11:30 pm on the 26th in New York is already the 27th in UTC: still today there.
    const lateEvening = job("late", { windowStart: "2026-11-27T04:30:00Z" });
    expect(plan([lateEvening])).toEqual([["Today", ["late"]]]);
    // Just after midnight New York time, that visit was yesterday's and is still open: today's plate.
    expect(plan([lateEvening], Date.parse("2026-11-28T05:10:00Z"))).toEqual([["Today", ["late"]]]);
  });

  it("puts the job under way first, and a homeowner waiting for an answer today, whatever their window", () => {
    expect(
      plan([
        job("first-visit", { windowStart: "2026-11-26T13:00:00Z" }),
        job("driving", { status: "EN_ROUTE", windowStart: "2026-11-26T16:00:00Z" }),
        job("there", { status: "ON_SITE", windowStart: "2026-11-26T18:00:00Z" }),
        job("done-but-asking", {
          status: "COMPLETED",
          windowStart: "2026-11-20T14:00:00Z",
          awaitingReplySince: "2026-11-26T14:55:00Z",
        }),
        job("next-week", { windowStart: "2026-12-03T14:00:00Z", awaitingReplySince: "2026-11-26T14:00:00Z" }),
      ]).map(([title, ids]) => [title, ids]),
    ).toEqual([["Today", ["there", "driving", "done-but-asking", "first-visit", "next-week"]]]);
  });

  it("knows tomorrow across a daylight-saving change and leaves out empty parts", () => {
    // 1 Nov 2026 is the autumn change in New York: the day is 25 hours long.
    const beforeChange = Date.parse("2026-10-31T15:00:00Z");
    expect(plan([job("sunday", { windowStart: "2026-11-01T15:00:00Z" })], beforeChange)).toEqual([
      ["Tomorrow", ["sunday"]],
    ]);
    expect(plan([])).toEqual([]);
  });
});
