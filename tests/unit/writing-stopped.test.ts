import { describe, expect, it } from "vitest";
import { writingStopped } from "@/components/thread/writing-stopped.ts";

const riley = { kind: "staff", role: "TECHNICIAN", name: "Riley Chen", userId: "riley" } as const;
const job = (fields: Partial<Parameters<typeof writingStopped>[0]> = {}) => ({
  status: "SCHEDULED" as const,
  technician: { id: "riley", name: "Riley Chen", bio: "" },
  ...fields,
});

describe("when a technician can only read a job", () => {
  it("writes while the job is theirs and open, or done (the homeowner may still ask something)", () => {
    expect(writingStopped(job(), riley, false)).toBeNull();
    expect(writingStopped(job({ status: "COMPLETED" }), riley, false)).toBeNull();
  });

  it("says who has the job now, and why nothing more goes out", () => {
    const stopped = writingStopped(job({ technician: { id: "sam", name: "Sam Okafor", bio: "" } }), riley, false);
    expect(stopped?.explanation).toMatch(/^This job was given to Sam Okafor\. You can still read it here/);
    expect(stopped?.pending).toBe("This job was given to Sam Okafor.");
  });

  it("says the office took it back, or that the server no longer shows it (missed while offline)", () => {
    expect(writingStopped(job({ technician: null }), riley, false)?.pending).toBe("This job is no longer yours.");
    expect(writingStopped(job(), riley, true)?.explanation).toMatch(/^The office took this job off your list/);
  });

  it("stops writing in a canceled job", () => {
    expect(writingStopped(job({ status: "CANCELED" }), riley, false)?.pending).toBe("This job was canceled.");
  });
});
