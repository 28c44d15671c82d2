import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor.ts";
import {
  canAssign,
  canChangeStatus,
  canCreateJob,
  canManageLinks,
  canPost,
  canRate,
  canSeeJob,
  jobListFilter,
  visibleTo,
} from "../../lib/auth/policy.ts";

const job = { id: "job-1", companyId: "co-a", technicianId: "tech-1", status: "SCHEDULED" as const };
const staff = (role: "DISPATCHER" | "TECHNICIAN" | "ADMIN", userId: string, companyId = "co-a"): Actor => ({
  kind: "staff",
  role,
  userId,
  companyId,
  name: userId,
  sessionId: "s",
  expiresAt: new Date(),
});
const homeowner = (jobId: string): Actor => ({
  kind: "homeowner",
  jobId,
  companyId: "co-a",
  customerId: "c",
  name: "h",
  sessionId: "s",
  accessLinkId: "l",
  expiresAt: new Date(),
});

describe("access policy", () => {
  const cases: [string, Actor, { see: boolean; post: boolean; note: boolean; status: boolean; cancel: boolean }][] = [
    ["homeowner of the job", homeowner("job-1"), { see: true, post: true, note: false, status: false, cancel: false }],
    [
      "homeowner of another job",
      homeowner("job-2"),
      { see: false, post: false, note: false, status: false, cancel: false },
    ],
    [
      "assigned technician",
      staff("TECHNICIAN", "tech-1"),
      { see: true, post: true, note: true, status: true, cancel: false },
    ],
    [
      "unassigned technician",
      staff("TECHNICIAN", "tech-2"),
      { see: false, post: false, note: false, status: false, cancel: false },
    ],
    ["dispatcher", staff("DISPATCHER", "d"), { see: true, post: true, note: true, status: true, cancel: true }],
    ["admin", staff("ADMIN", "a"), { see: true, post: true, note: true, status: true, cancel: true }],
    [
      "other company's dispatcher",
      staff("DISPATCHER", "x", "co-b"),
      { see: false, post: false, note: false, status: false, cancel: false },
    ],
    [
      "other company's technician with the same user id",
      staff("TECHNICIAN", "tech-1", "co-b"),
      { see: false, post: false, note: false, status: false, cancel: false },
    ],
  ];

  for (const [who, actor, expected] of cases) {
    it(who, () => {
      expect(canSeeJob(actor, job)).toBe(expected.see);
      expect(canPost(actor, job, "EVERYONE")).toBe(expected.post);
      expect(canPost(actor, job, "STAFF")).toBe(expected.note);
      expect(canChangeStatus(actor, job, "EN_ROUTE")).toBe(expected.status);
      expect(canChangeStatus(actor, job, "CANCELED")).toBe(expected.cancel);
    });
  }

  it("shows internal notes to staff only", () => {
    expect(visibleTo(homeowner("job-1"))).toEqual(["EVERYONE"]);
    expect(visibleTo(staff("TECHNICIAN", "t"))).toEqual(["EVERYONE", "STAFF"]);
  });

  it("lets only the office assign", () => {
    expect(canAssign(staff("DISPATCHER", "d"), job)).toBe(true);
    expect(canAssign(staff("TECHNICIAN", "tech-1"), job)).toBe(false);
    expect(canAssign(homeowner("job-1"), job)).toBe(false);
  });

  it("lets only the job's own office give out and turn off homeowner links", () => {
    expect(canManageLinks(staff("DISPATCHER", "d"), job)).toBe(true);
    expect(canManageLinks(staff("ADMIN", "a"), job)).toBe(true);
    expect(canManageLinks(staff("DISPATCHER", "x", "co-b"), job)).toBe(false);
    expect(canManageLinks(staff("TECHNICIAN", "tech-1"), job)).toBe(false);
    expect(canManageLinks(homeowner("job-1"), job)).toBe(false);
  });

  it("lets only the job's own homeowner rate it", () => {
    const rated = { ...job, customerId: "c" };
    expect(canRate(homeowner("job-1"), rated)).toBe(true);
    expect(canRate(homeowner("job-2"), rated)).toBe(false);
    expect(canRate(homeowner("job-1"), { ...rated, customerId: "someone-else" })).toBe(false);
    for (const role of ["DISPATCHER", "ADMIN", "TECHNICIAN"] as const)
      expect(canRate(staff(role, "tech-1"), rated)).toBe(false);
  });

  it("scopes lists to what each may see", () => {
    expect(jobListFilter(homeowner("job-1"))).toEqual({ id: "job-1" });
    expect(jobListFilter(staff("TECHNICIAN", "t"))).toEqual({ companyId: "co-a", technicianId: "t" });
    expect(jobListFilter(staff("DISPATCHER", "d"))).toEqual({ companyId: "co-a" });
  });
});

describe("who opens jobs", () => {
  it("is the office: dispatchers and admins, not technicians or homeowners", () => {
    expect(canCreateJob(staff("DISPATCHER", "d"))).toBe(true);
    expect(canCreateJob(staff("ADMIN", "a"))).toBe(true);
    expect(canCreateJob(staff("TECHNICIAN", "t"))).toBe(false);
    expect(canCreateJob(homeowner("job-1"))).toBe(false);
  });
});
