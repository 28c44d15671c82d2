import { describe, expect, it } from "vitest";
import { describeRunningLate, findSlip, type LateFacts } from "../../lib/scheduling/running-late.ts";

const at = (time: string) => new Date(`2026-11-26T${time}:00Z`);
const GRACE = 5 * 60_000;
const job = (facts: Partial<LateFacts>): LateFacts => ({
  status: "SCHEDULED",
  eta: null,
  windowEnd: null,
  runningLateSince: null,
  ...facts,
});

describe("when Trio says a visit runs late", () => {
  it("an ETA that passed (beyond the grace) while on the way", () => {
    const onTheWay = job({ status: "EN_ROUTE", eta: at("14:40") });
    expect(findSlip(onTheWay, at("14:44"), GRACE)).toBeNull();
    expect(findSlip(onTheWay, at("14:45"), GRACE)).toBeNull();
    expect(findSlip(onTheWay, at("14:46"), GRACE)).toEqual({ kind: "eta", due: at("14:40") });
    expect(findSlip(onTheWay, at("14:41"), 0)).toEqual({ kind: "eta", due: at("14:40") });
  });

  it("a window that ended before anyone was on the way", () => {
    const scheduled = job({ status: "SCHEDULED", windowEnd: at("13:00") });
    expect(findSlip(scheduled, at("13:04"), GRACE)).toBeNull();
    expect(findSlip(scheduled, at("13:06"), GRACE)).toEqual({ kind: "window", due: at("13:00") });
    expect(findSlip({ ...scheduled, status: "REQUESTED" }, at("13:06"), GRACE)?.kind).toBe("window");
  });

  it("never twice, never once arrived, never for a closed job or a trip without an ETA", () => {
    const now = at("18:00");
    expect(
      findSlip(job({ status: "EN_ROUTE", eta: at("14:40"), runningLateSince: at("14:46") }), now, GRACE),
    ).toBeNull();
    expect(findSlip(job({ status: "ON_SITE", eta: null, windowEnd: at("13:00") }), now, GRACE)).toBeNull();
    expect(findSlip(job({ status: "EN_ROUTE", eta: null, windowEnd: at("13:00") }), now, GRACE)).toBeNull();
    expect(findSlip(job({ status: "COMPLETED", windowEnd: at("13:00") }), now, GRACE)).toBeNull();
    expect(findSlip(job({ status: "CANCELED", windowEnd: at("13:00") }), now, GRACE)).toBeNull();
  });

  it("words it honestly, with the technician's name when there is one", () => {
    expect(describeRunningLate("Sam")).toBe("Sam is running a little behind — we'll update you shortly.");
    expect(describeRunningLate(null)).toBe("We're running a little behind — we'll update you shortly.");
  });
});
