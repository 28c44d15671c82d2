import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { replyBody } from "../../lib/channels/email/receive-email-reply.ts";
import { stripQuotedReply } from "../../lib/channels/email/strip-quoted-reply.ts";
import { MAX_MESSAGE_LENGTH, messageLength } from "../../lib/messages/message-text.ts";

const ADDRESS = "reply+abcdefghijklmnopqrstuvwxyz234567abcdefgh@trio.example";

describe("stripQuotedReply keeps only what the homeowner wrote now", () => {
  it("Gmail (plain text): a top-posted answer over a wrapped 'On … wrote:' and a '-- ' signature", () => {
    const mail = [
      "Yes, 9 to 11 works. The side gate is open.",
      "",
      "-- ",
      "Jordan Home",
      "555-0100",
      "",
      "On Tue, Nov 24, 2026 at 9:14 AM Dana Dispatch from Acme Heating <",
      `${ADDRESS}> wrote:`,
      "",
      "> Sam can come Tuesday between 9 and 11.",
      "> Does that suit you?",
      ">",
    ].join("\r\n");
    expect(stripQuotedReply(mail)).toBe("Yes, 9 to 11 works. The side gate is open.");
  });

  it("Gmail (HTML turned to text): the quote as '> ' lines under the header", () => {
    const mail = [
      "Thanks, see you then!",
      "",
      `On Tue, Nov 24, 2026 at 9:14 AM Dana Dispatch <${ADDRESS} [mailto:${ADDRESS}]> wrote:`,
      "",
      "> Sam can come Tuesday between 9 and 11.",
    ].join("\n");
    expect(stripQuotedReply(mail)).toBe("Thanks, see you then!");
  });

  it("Outlook desktop: the rule and the From/Sent/To/Subject block, unquoted", () => {
    const mail = [
      "Tuesday is fine.",
      "",
      "Regards,",
      "Jordan",
      "",
      "________________________________",
      `From: Acme Heating <${ADDRESS}>`,
      "Sent: Tuesday, November 24, 2026 9:14 AM",
      "To: Jordan Home <jordan@example.com>",
      "Subject: Your visit is scheduled",
      "",
      "Sam can come Tuesday between 9 and 11.",
    ].join("\r\n");
    expect(stripQuotedReply(mail)).toBe("Tuesday is fine.\n\nRegards,\nJordan");
  });

  it("Outlook (HTML turned to text): a dashed rule and the headers without the underscore line", () => {
    const mail = [
      "Tuesday is fine.",
      "",
      "--------------------------------------------------------------------------------",
      `From: Acme Heating <${ADDRESS}>`,
      "Sent: Tuesday, November 24, 2026 9:14 AM",
      "To: Jordan Home",
      "Subject: Your visit is scheduled",
      "Sam can come Tuesday.",
    ].join("\n");
    expect(stripQuotedReply(mail)).toBe("Tuesday is fine.");
  });

  it("Outlook's '-----Original Message-----' and its German and French forms", () => {
    for (const marker of [
      "-----Original Message-----",
      "-----Ursprüngliche Nachricht-----",
      "-----Message d'origine-----",
    ]) {
      const mail = `The leak is worse today.\n\n${marker}\nFrom: Acme\nSent: Monday\nSubject: Your visit\n\nOld text`;
      expect(stripQuotedReply(mail)).toBe("The leak is worse today.");
    }
  });

  it("Outlook mobile: 'Get Outlook for iOS' under the answer", () => {
    const mail = [
      "Running 10 min late to open the door, sorry",
      "",
      "Get Outlook for iOS<https://aka.ms/o0ukef>",
      "________________________________",
      "From: Acme Heating",
      "Sent: Tuesday, November 24, 2026 9:14:00 AM",
    ].join("\n");
    expect(stripQuotedReply(mail)).toBe("Running 10 min late to open the door, sorry");
  });

  it("Apple Mail on iPhone: 'Sent from my iPhone', then the header itself quoted", () => {
    const mail = [
      "Perfect, thank you!",
      "",
      "Sent from my iPhone",
      "",
      `> On Nov 24, 2026, at 9:14 AM, Dana Dispatch <${ADDRESS}> wrote:`,
      ">",
      "> Sam can come Tuesday between 9 and 11.",
    ].join("\n");
    expect(stripQuotedReply(mail)).toBe("Perfect, thank you!");
  });

  it("Apple Mail on a Mac: 'On …, at …, … wrote:' then the quote", () => {
    const mail = [
      "Could Sam bring a new cartridge? The old one is a Moen 1225.",
      "",
      "Jordan",
      "",
      `On Nov 24, 2026, at 09:14, Dana Dispatch <${ADDRESS}> wrote:`,
      "",
      "> Sam can come Tuesday.",
    ].join("\n");
    expect(stripQuotedReply(mail)).toBe("Could Sam bring a new cartridge? The old one is a Moen 1225.\n\nJordan");
  });

  it("localized headers: French, German, Spanish, with a no-break space before the colon", () => {
    const headers = [
      `Le mar. 24 nov. 2026 à 09:14, Dana Dispatch <${ADDRESS}> a écrit\u00a0:`,
      `Am Di., 24. Nov. 2026 um 09:14 Uhr schrieb Dana Dispatch <${ADDRESS}>:`,
      `El mar, 24 nov 2026 a las 9:14, Dana Dispatch (<${ADDRESS}>) escribió:`,
    ];
    for (const header of headers) {
      expect(stripQuotedReply(`Merci, parfait.\n\n${header}\n\n> Sam peut venir mardi.`)).toBe("Merci, parfait.");
    }
    expect(stripQuotedReply("D'accord\n\nEnvoyé de mon iPhone")).toBe("D'accord");
    expect(stripQuotedReply("Alles klar\n\nVon meinem iPhone gesendet")).toBe("Alles klar");
  });

  it("an answer written below the quote (bottom-posting) is kept", () => {
    const mail = [
      `On Tue, Nov 24, 2026 at 9:14 AM Dana Dispatch <${ADDRESS}> wrote:`,
      "> Does Tuesday suit you?",
      "",
      "Yes, Tuesday morning.",
    ].join("\n");
    expect(stripQuotedReply(mail)).toBe("Yes, Tuesday morning.");
  });

  it("answers between quoted lines stay, the quoted lines go", () => {
    const mail = "> Is the water off?\nYes, since last night.\n> Which floor?\nSecond floor, bathroom.";
    expect(stripQuotedReply(mail)).toBe("Yes, since last night.\nSecond floor, bathroom.");
  });

  it("a plain message with none of these is kept whole, its own blank lines tidied", () => {
    const mail = "Hello,\n\n\n\nthe heater makes a noise when it starts.   \nAround 6 am.\n";
    expect(stripQuotedReply(mail)).toBe("Hello,\n\nthe heater makes a noise when it starts.\nAround 6 am.");
  });

  it("words that only look like headers stay: no date before 'wrote:', no quote after it", () => {
    expect(stripQuotedReply("My neighbour wrote:\nthe pipe froze too.")).toBe(
      "My neighbour wrote:\nthe pipe froze too.",
    );
    expect(stripQuotedReply("From: the kitchen, the sink\nleaks a bit.")).toBe(
      "From: the kitchen, the sink\nleaks a bit.",
    );
    expect(stripQuotedReply("Sent from the office? No, from home.")).toBe("Sent from the office? No, from home.");
  });

  it("a reply that is only the quote and a signature leaves nothing", () => {
    const mail = `\n\n-- \nJordan\n\nOn Tue, Nov 24, 2026 at 9:14 AM Dana <${ADDRESS}> wrote:\n> Hello`;
    expect(stripQuotedReply(mail)).toBe("");
  });
});

describe("replyBody: HTML mail as mailparser reads it, stored like a typed message", () => {
  const htmlText = async (html: string) =>
    (await simpleParser(`From: jordan@example.com\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`)).text ??
    "";

  it("Outlook on the web: the rule and the bold From/Sent block go, the signature's name stays", async () => {
    const html = [
      '<html><body><div>Tuesday is fine, thanks.</div><div><br></div><div id="Signature"><p>Jordan</p></div>',
      '<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr">',
      `<font face="Calibri, sans-serif"><b>From:</b> Acme Heating &lt;${ADDRESS}&gt;<br>`,
      "<b>Sent:</b> Tuesday, November 24, 2026 9:14 AM<br><b>To:</b> Jordan Home<br><b>Subject:</b> Your visit</font>",
      "</div><div>Sam can come Tuesday.</div></body></html>",
    ].join("");
    expect(replyBody(await htmlText(html))).toBe("Tuesday is fine, thanks.\n\nJordan");
  });

  it("Apple Mail on iPhone (HTML): the cited header and quote go, and 'Sent from my iPhone'", async () => {
    const html = [
      '<html><body dir="auto">Perfect, thank you!<br><br><div dir="ltr">Sent from my iPhone</div>',
      `<div dir="ltr"><br><blockquote type="cite">On Nov 24, 2026, at 9:14 AM, Acme &lt;${ADDRESS}&gt; wrote:<br><br>`,
      '</blockquote></div><blockquote type="cite"><div dir="ltr">Sam can come Tuesday.</div></blockquote></body></html>',
    ].join("");
    expect(replyBody(await htmlText(html))).toBe("Perfect, thank you!");
  });

  it("a reply longer than a message may be is cut at the limit with '…', not refused", () => {
    const long = `${"word ".repeat(MAX_MESSAGE_LENGTH)}\n\nOn Tue, Nov 24, 2026 at 9:14 AM Acme wrote:\n> quote`;
    const body = replyBody(long) ?? "";
    expect(messageLength(body)).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(body.endsWith("…")).toBe(true);
    expect(body).not.toContain("wrote");
  });

  it("nothing left, or only invisible characters, is no reply", () => {
    expect(replyBody("> only a quote")).toBeNull();
    expect(replyBody("\u200b\u200b\n-- \nJordan")).toBeNull();
  });
});
