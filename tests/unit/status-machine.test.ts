import { describe, expect, it } from "vitest";
import { JOB_STATUSES } from "../../lib/jobs/schemas.ts";
import { canTransition, forwardStatus, isOpen, nextStatuses } from "../../lib/jobs/status-machine.ts";

describe("status machine", () => {
  it("walks the happy path one step at a time", () => {
    expect(forwardStatus("REQUESTED")).toBe("SCHEDULED");
    expect(forwardStatus("SCHEDULED")).toBe("EN_ROUTE");
    expect(forwardStatus("EN_ROUTE")).toBe("ON_SITE");
    expect(forwardStatus("ON_SITE")).toBe("COMPLETED");
    expect(forwardStatus("COMPLETED")).toBeNull();
  });

  it("lets every open state be canceled and no closed one", () => {
    for (const status of JOB_STATUSES) {
      expect(canTransition(status, "CANCELED")).toBe(isOpen(status));
    }
    expect(isOpen("COMPLETED")).toBe(false);
    expect(isOpen("CANCELED")).toBe(false);
  });

  it("refuses skips, going back and leaving a closed state", () => {
    expect(canTransition("SCHEDULED", "ON_SITE")).toBe(false);
    expect(canTransition("REQUESTED", "COMPLETED")).toBe(false);
    expect(canTransition("ON_SITE", "EN_ROUTE")).toBe(false);
    expect(canTransition("COMPLETED", "CANCELED")).toBe(false);
    expect(nextStatuses("CANCELED")).toEqual([]);
  });

  it("allows exactly the transitions of the table", () => {
    const allowed = JOB_STATUSES.flatMap((from) =>
      JOB_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        "REQUESTED>SCHEDULED",
        "REQUESTED>CANCELED",
        "SCHEDULED>EN_ROUTE",
        "SCHEDULED>CANCELED",
        "EN_ROUTE>ON_SITE",
        "EN_ROUTE>CANCELED",
        "ON_SITE>COMPLETED",
        "ON_SITE>CANCELED",
      ].sort(),
    );
  });
});
