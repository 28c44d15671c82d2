import { describe, expect, it } from "vitest";
import { transitionInputSchema } from "../../lib/jobs/schemas.ts";
import { cleanMessageText, messageLength, messageTextProblem } from "../../lib/messages/message-text.ts";
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

  it("strips control characters, refuses lone surrogates, and keeps emoji and accents", () => {
    const body = (raw: string) => sendMessageInputSchema.parse({ ...valid, body: raw }).body;
    expect(body("a\u0000b\u001bc\u0007d\u0085e")).toBe("abcde");
    expect(body("line one\r\nline two\rthree\tfour")).toBe("line one\nline two\nthree\tfour");
    for (const raw of ["half a pair \ud83d", "\udc00 alone"]) {
      const parsed = sendMessageInputSchema.safeParse({ ...valid, body: raw });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("Messages can't contain that character.");
    }
    expect(body("Merci 👍 à demain")).toBe("Merci 👍 à demain");
  });

  it("needs at least one visible character", () => {
    const invisible = ["\u200b", "\u3164", "\u2800\u2800", "\u200b \u200d\ufeff", "\u00ad", "\u0000 \u0001", "\u202e"];
    for (const raw of invisible) {
      const parsed = sendMessageInputSchema.safeParse({ ...valid, body: raw });
      expect(parsed.success, JSON.stringify(raw)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("Write something before sending.");
    }
    // Shows nothing on its own either: variation selectors, combining marks, private use, noncharacters.
    for (const raw of [
      "\ufe0f",
      "\u0301",
      "\u0301\u0302\u0303",
      "\u20dd",
      "\u{1d159}",
      "\ufffe",
      "\ue000",
      "\u{e0100}",
    ]) {
      expect(sendMessageInputSchema.safeParse({ ...valid, body: raw }).success, JSON.stringify(raw)).toBe(false);
    }
    expect(sendMessageInputSchema.parse({ ...valid, body: "\u200bok" }).body).toBe("\u200bok");
    for (const raw of ["👍", "🇫🇷", "1️⃣", "中", "…", "é"]) {
      expect(sendMessageInputSchema.parse({ ...valid, body: raw }).body).toBe(raw);
    }
  });

  it("takes out bidi overrides that would make a message read backwards, and keeps right-to-left text", () => {
    const body = (raw: string) => sendMessageInputSchema.parse({ ...valid, body: raw }).body;
    expect(body("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(body("\u202Bembedded\u202C and \u202Doverride\u202C")).toBe("embedded and override");
    expect(body("שלום, the technician is here")).toBe("שלום, the technician is here");
    expect(body("\u2067مرحبا\u2069 ok \u200f")).toBe("\u2067مرحبا\u2069 ok \u200f");
  });

  it("keeps a few marks on a letter and takes away piles that would draw over other lines", () => {
    const body = (raw: string) => sendMessageInputSchema.parse({ ...valid, body: raw }).body;
    expect(body("Vie\u0323\u0302t")).toBe("Vie\u0323\u0302t");
    expect(body(`Z${"\u0301".repeat(3999)}`)).toBe(`Z${"\u0301".repeat(8)}`);
  });

  it("counts length as people do (code points), the same as the composer", () => {
    expect(messageLength("👍👍")).toBe(2);
    expect(sendMessageInputSchema.safeParse({ ...valid, body: "👍".repeat(MAX_MESSAGE_LENGTH) }).success).toBe(true);
    expect(sendMessageInputSchema.safeParse({ ...valid, body: "👍".repeat(MAX_MESSAGE_LENGTH + 1) }).success).toBe(
      false,
    );
    expect(messageTextProblem(cleanMessageText(`  ${"é".repeat(MAX_MESSAGE_LENGTH)}  `))).toBeNull();
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
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    expect(transitionInputSchema.safeParse({ jobId, to: "EN_ROUTE", eta: inAnHour }).success).toBe(true);
    // Times PostgreSQL can't store, or nobody means, are a bad request, never a 500.
    const anHourAgo = new Date(Date.now() - 3600_000).toISOString();
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString();
    for (const eta of ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", anHourAgo, inTwoDays]) {
      const parsed = transitionInputSchema.safeParse({ jobId, to: "EN_ROUTE", eta });
      expect(parsed.error?.issues[0]?.message, eta).toBe("must be within the next 24 hours");
    }
  });

  it("takes a short work summary and a short reason, cleaned like any message", () => {
    const parse = (extra: object) => transitionInputSchema.safeParse({ jobId, to: "COMPLETED", ...extra });
    expect(parse({ summary: " Relit the pilot.\u0000 " }).data?.summary).toBe("Relit the pilot.");
    expect(parse({ summary: "x".repeat(1001) }).error?.issues[0]?.message).toBe("must be at most 1000 characters");
    expect(parse({ summary: "\u200b" }).success).toBe(false);
    expect(parse({ reason: "x".repeat(301) }).error?.issues[0]?.message).toBe("must be at most 300 characters");
  });
});
