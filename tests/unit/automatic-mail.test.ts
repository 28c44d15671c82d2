import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { automaticMail } from "../../lib/channels/email/automatic-mail.ts";

const parse = (headers: string[], body = "Hello") =>
  simpleParser(
    [
      "From: Jordan Home <jordan@example.com>",
      "To: reply+x@replies.example",
      "Subject: Re: Your visit",
      ...headers,
      "",
      body,
    ].join("\r\n"),
  );

describe("automaticMail tells mail no person wrote", () => {
  it("a person's reply is none of these", async () => {
    expect(automaticMail(await parse([]), "jordan@example.com")).toBeNull();
    expect(automaticMail(await parse(["Auto-Submitted: no"]))).toBeNull();
    expect(automaticMail(await parse(["Precedence: first-class"]))).toBeNull();
    // Outlook asks for no delivery receipts on ordinary mail too: only "All" marks an autoresponder.
    expect(automaticMail(await parse(["X-Auto-Response-Suppress: DR, RN, NRN"]))).toBeNull();
  });

  it("autoresponders and lists", async () => {
    for (const header of [
      "Auto-Submitted: auto-replied",
      "Auto-Submitted: auto-generated; owner-email=jordan@example.com",
      "X-Autoreply: yes",
      "X-Autorespond: Out of office",
      "Precedence: bulk",
      "Precedence: auto_reply",
      "Precedence: list",
      "List-Id: Homeowners <homeowners.example.com>",
      "List-Unsubscribe: <mailto:leave@example.com>",
      "X-Auto-Response-Suppress: All",
    ]) {
      expect(automaticMail(await parse([header])), header).toBe("automatic");
    }
  });

  it("bounces and receipts: a report, a daemon's From, a null sender or Return-Path", async () => {
    expect(
      automaticMail(
        await parse(['Content-Type: multipart/report; report-type=disposition-notification; boundary="x"']),
      ),
    ).toBe("bounce");
    const daemon = await simpleParser("From: MAILER-DAEMON@mx.example.com\r\nSubject: failure\r\n\r\nFailed");
    expect(automaticMail(daemon)).toBe("bounce");
    const postmaster = await simpleParser("From: Postmaster <postmaster@mx.example.com>\r\n\r\nFailed");
    expect(automaticMail(postmaster)).toBe("bounce");
    expect(automaticMail(await parse(["Return-Path: <>"]))).toBe("bounce");
    expect(automaticMail(await parse([]), "")).toBe("bounce");
  });
});
