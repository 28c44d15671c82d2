import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor.ts";
import { canEditQuickReplies, canUseQuickReplies } from "../../lib/auth/policy.ts";
import { firstNameOf, quickReplyFacts } from "../../lib/quick-replies/job-facts.ts";
import { createQuickReplyInputSchema, updateQuickReplyInputSchema } from "../../lib/quick-replies/schemas.ts";
import { SUGGESTED_QUICK_REPLIES } from "../../lib/quick-replies/suggested.ts";
import {
  cleanQuickReply,
  fillQuickReply,
  MAX_QUICK_REPLY_LENGTH,
  type QuickReplyFacts,
  quickReplyProblem,
} from "../../lib/quick-replies/template.ts";

const known: QuickReplyFacts = {
  firstName: "Jordan",
  eta: "2:40 pm",
  technician: "Sam Okafor",
  company: "Brightside Home Services",
};
const unknown: QuickReplyFacts = { firstName: null, eta: null, technician: null, company: null };

describe("fillQuickReply", () => {
  it("fills every blank from the job", () => {
    expect(fillQuickReply("Hi {first name}, I'm on my way — see you around {eta}.", known)).toBe(
      "Hi Jordan, I'm on my way — see you around 2:40 pm.",
    );
    expect(fillQuickReply("{technician} from {company} here.", known)).toBe(
      "Sam Okafor from Brightside Home Services here.",
    );
    expect(fillQuickReply("{eta}? Yes, {eta}.", known)).toBe("2:40 pm? Yes, 2:40 pm.");
  });

  it("turns a blank the job can't fill into a plain word, never a stray {…}", () => {
    expect(fillQuickReply("Hi {first name}, see you {eta}. {technician}, {company}.", unknown)).toBe(
      "Hi there, see you soon. your technician, our team.",
    );
    // Blank text counts as unknown too.
    expect(fillQuickReply("Hi {first name}", { ...known, firstName: "  " })).toBe("Hi there");
    for (const template of SUGGESTED_QUICK_REPLIES) expect(fillQuickReply(template, unknown)).not.toMatch(/[{}]/);
  });

  it("reads blanks however they were cased or spaced, and never reads a filled-in value again", () => {
    expect(fillQuickReply("Hi { First  Name }", known)).toBe("Hi Jordan");
    expect(fillQuickReply("Hi {first name}, {eta}", { ...known, firstName: "{eta}" })).toBe("Hi {eta}, 2:40 pm");
    // Text that isn't a blank is left as it is (the doors refuse it before it is ever stored).
    expect(fillQuickReply("Hi {nickname}", known)).toBe("Hi {nickname}");
  });
});

describe("quick reply facts from a job", () => {
  const job = {
    customer: { name: "  Jordan   Miller ", address: null },
    technician: { id: "t", name: "Sam Okafor", bio: "" },
    eta: "2026-01-15T19:40:00.000Z",
  };

  it("takes the customer's first name, the technician, and the ETA in the company's time zone", () => {
    const now = Date.parse("2026-01-15T18:00:00.000Z");
    expect(quickReplyFacts(job, { timeZone: "America/New_York", company: "Acme", now })).toEqual({
      firstName: "Jordan",
      eta: "2:40 pm",
      technician: "Sam Okafor",
      company: "Acme",
    });
    expect(quickReplyFacts(job, { timeZone: "America/Los_Angeles", company: "Acme", now }).eta).toBe("11:40 am");
  });

  it("knows nothing it wasn't told", () => {
    const bare = { customer: { name: " ", address: null }, technician: null, eta: null };
    expect(quickReplyFacts(bare, { timeZone: "UTC", company: null })).toEqual(unknown);
    expect(firstNameOf("Priya")).toBe("Priya");
  });
});

describe("quick reply templates", () => {
  const problem = (raw: string) => quickReplyProblem(cleanQuickReply(raw));

  it("accept the known blanks, written any way, stored the one way", () => {
    for (const template of SUGGESTED_QUICK_REPLIES) expect(problem(template)).toBeNull();
    expect(cleanQuickReply("  Hi {FIRST name }, {ETA}\r\n")).toBe("Hi {first name}, {eta}");
    expect(createQuickReplyInputSchema.parse({ text: "On my way, { Eta }" })).toEqual({ text: "On my way, {eta}" });
  });

  it("refuse an unknown blank, naming it and the ones that work", () => {
    expect(problem("Hi {firstname}")).toBe(
      "“{firstname}” isn't a blank Trio can fill. Use {first name}, {eta}, {technician} or {company}.",
    );
    expect(problem("Hi {}")).toMatch(/^“\{\}” isn't a blank/);
    expect(problem("Call {phone} or {eta}")).toMatch(/^“\{phone\}”/);
  });

  it("refuse braces that don't make a blank", () => {
    expect(problem("Hi {first name")).toMatch(/missing its “}”/);
    expect(problem("Hi first name}")).toMatch(/has no “{”/);
    expect(problem("Hi {{first name}}")).toMatch(/missing its “}”/);
  });

  it("refuse empty and over-long text", () => {
    expect(problem("   ")).toBe("Write the reply first.");
    expect(problem("\u200b\u200b")).toBe("Write the reply first.");
    expect(problem("x".repeat(MAX_QUICK_REPLY_LENGTH))).toBeNull();
    expect(problem("x".repeat(MAX_QUICK_REPLY_LENGTH + 1))).toBe(
      `Quick replies can be at most ${MAX_QUICK_REPLY_LENGTH} characters.`,
    );
  });

  it("take a change of text, of place, or both, and nothing else", () => {
    expect(updateQuickReplyInputSchema.parse({ position: 2 })).toEqual({ position: 2 });
    expect(updateQuickReplyInputSchema.safeParse({}).success).toBe(false);
    expect(updateQuickReplyInputSchema.safeParse({ position: -1 }).success).toBe(false);
    expect(updateQuickReplyInputSchema.safeParse({ position: 1.5 }).success).toBe(false);
    expect(updateQuickReplyInputSchema.safeParse({ text: "Hi", companyId: "x" }).success).toBe(false);
  });
});

describe("who may use and keep quick replies", () => {
  const staff = (role: "DISPATCHER" | "TECHNICIAN" | "ADMIN"): Actor => ({
    kind: "staff",
    role,
    userId: "u",
    companyId: "co",
    name: "n",
    sessionId: "s",
    expiresAt: new Date(),
  });
  const homeowner: Actor = {
    kind: "homeowner",
    jobId: "j",
    companyId: "co",
    customerId: "c",
    name: "h",
    sessionId: "s",
    accessLinkId: "l",
    expiresAt: new Date(),
  };

  it("lets all staff use them and only the office change them; homeowners neither", () => {
    expect([staff("DISPATCHER"), staff("ADMIN"), staff("TECHNICIAN"), homeowner].map(canUseQuickReplies)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect([staff("DISPATCHER"), staff("ADMIN"), staff("TECHNICIAN"), homeowner].map(canEditQuickReplies)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
