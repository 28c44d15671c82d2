import { describe, expect, it } from "vitest";
import { transitionInputSchema } from "../../lib/jobs/schemas.ts";
import { joinThreadInputSchema, MAX_MESSAGE_LENGTH, sendMessageInputSchema } from "../../lib/messages/schemas.ts";

const jobId = "3f0e4a52-7c3e-4a8e-9a39-2f3a1b0c9d11";
const valid = { jobId, clientId: "abcdef123456", body: "Hello" };

describe("message schemas", () => {
  it("accepts a message and defaults to everyone", () => {
    expect(sendMessageInputSchema.parse(valid)).toEqual({ ...valid, visibility: "EVERYONE" });
  });

  it("trims the body and refuses one that is empty after trimming", () => {
    expect(sendMessageInputSchema.parse({ ...valid, body: "  hi \n" }).body).toBe("hi");
    expect(sendMessageInputSchema.safeParse({ ...valid, body: " \n\t " }).success).toBe(false);
  });

  it("takes exactly the maximum length and not one character more", () => {
    expect(sendMessageInputSchema.safeParse({ ...valid, body: "a".repeat(MAX_MESSAGE_LENGTH) }).success).toBe(true);
    const tooLong = sendMessageInputSchema.safeParse({ ...valid, body: "a".repeat(MAX_MESSAGE_LENGTH + 1) });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toMatch(/at most 4000/);
  });

  it("refuses malformed ids, wrong types, unknown fields and bad visibility", () => {
    expect(sendMessageInputSchema.safeParse({ ...valid, jobId: "42" }).success).toBe(false);
    expect(sendMessageInputSchema.safeParse({ ...valid, body: 42 }).success).toBe(false);
    expect(sendMessageInputSchema.safeParse({ ...valid, clientId: "short" }).success).toBe(false);
    expect(sendMessageInputSchema.safeParse({ ...valid, clientId: "has spaces in it" }).success).toBe(false);
    expect(sendMessageInputSchema.safeParse({ ...valid, visibility: "SECRET" }).success).toBe(false);
    expect(sendMessageInputSchema.safeParse({ ...valid, authorId: "me" }).success).toBe(false);
    expect(sendMessageInputSchema.safeParse(null).success).toBe(false);
  });

  it("refuses characters PostgreSQL cannot store, and keeps emoji and accents", () => {
    for (const body of ["a\u0000b", "half a pair \ud83d", "\udc00 alone"]) {
      const parsed = sendMessageInputSchema.safeParse({ ...valid, body });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("Messages can't contain that character.");
    }
    expect(sendMessageInputSchema.parse({ ...valid, body: "Merci 👍 à demain" }).body).toBe("Merci 👍 à demain");
  });

  it("parses a join with a default afterSeq and refuses negative ones", () => {
    expect(joinThreadInputSchema.parse({ jobId })).toEqual({ jobId, afterSeq: 0 });
    expect(joinThreadInputSchema.safeParse({ jobId, afterSeq: -1 }).success).toBe(false);
  });
});

describe("transition schema", () => {
  it("knows the statuses and wants ISO times", () => {
    expect(transitionInputSchema.safeParse({ jobId, to: "EN_ROUTE" }).success).toBe(true);
    expect(transitionInputSchema.safeParse({ jobId, to: "FLYING" }).success).toBe(false);
    expect(transitionInputSchema.safeParse({ jobId, to: "EN_ROUTE", eta: "soon" }).success).toBe(false);
    expect(transitionInputSchema.safeParse({ jobId, to: "EN_ROUTE", eta: "2026-11-24T10:30:00Z" }).success).toBe(true);
  });
});
