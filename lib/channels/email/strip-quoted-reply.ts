// A homeowner's email reply carries our whole email below their answer, and
// often a signature and a "Sent from my iPhone". The thread wants only what
// they wrote now. Pure, so the shapes real mail programs write are tested on
// their own (tests/unit/strip-quoted-reply.test.ts).
//
// Written here rather than taken from npm: email-reply-parser (crisp-oss's
// port of GitHub's parser) declares Node >= 22, and Trio supports Node 20.19.

/** Outlook's and others' "-----Original Message-----", in the languages mail programs ship. */
const ORIGINAL_MESSAGE =
  /^-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|mensagem original|originalmeddelande)\s*-{2,}$/iu;
/** Outlook's line above the quoted message's headers. */
const OUTLOOK_RULE = /^_{10,}$/;
/** The quoted message's headers (Outlook): a From line, and Sent (or Date) within the next three lines. */
const HEADER_FROM = /^\*?(?:from|de|von|van|da|från|fra|od)\s*:/iu;
const HEADER_SENT =
  /^\*?(?:sent|date|envoyé|gesendet|datum|verzonden|inviato|enviado|enviada|skickat|sendt|data)\s*:/iu;
/** "On Tue, Nov 24, 2026 at 9:14 AM Dana <…> wrote:", and the same in French, German, Spanish, … */
const WROTE_START = /^(?:on|le|am|el|il|op|em|den|på)\s/iu;
const WROTE_END =
  /(?:^|\s)(?:wrote|a\s+écrit|schrieb|escribió|ha\s+scritto|schreef|escreveu|skrev)(?:\s[^:]{0,200})?\s*:$/iu;
/** A header is a line or two (Gmail wraps a long one), never a paragraph. */
const MAX_HEADER_LENGTH = 400;
const QUOTED = /^\s*>/;
/** "-- " starts a signature (RFC 3676); some programs drop the space. */
const SIGNATURE_RULE = /^--\s*$/;
/** What phones and webmail add under a message ("Sent from my iPhone"), when it is the last line. */
const TRAILERS = [
  /^sent from my [^?!]{1,40}$/iu,
  /^sent (?:from|with|via) (?:yahoo|aol|outlook|mail for windows|proton ?mail|gmail|blackberry|samsung)[^?!]{0,40}$/iu,
  /^get outlook for (?:ios|android)/iu,
  /^(?:envoyé de mon|enviado desde mi|enviado do meu|inviato da|verzonden (?:vanaf|met) mijn|skickat från min|sendt fra min) [^?!]{1,40}$/iu,
  /^von meinem [^?!]{1,40} gesendet\.?$/iu,
];
/** Rules left hanging where the history was cut (Outlook's HTML puts one above its headers). */
const RULE = /^[-_=*]{3,}$/;

type HistoryStart =
  /** Everything from here is the earlier message. */
  | { kind: "history"; index: number }
  /** An "… wrote:" header over quoted lines: the answer may also be below them (bottom-posting). */
  | { kind: "quote"; index: number; end: number };

/** The new text of a reply: no quoted history, no signature, no "Sent from my iPhone". */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const start = historyStart(lines);
  const answer = withoutQuotes(lines.slice(0, start?.index ?? lines.length));
  if (start?.kind === "quote" && !hasText(answer)) {
    // Nothing above the quote: someone who answers below it.
    return stripQuotedReply(withoutQuotes(lines.slice(start.end)).join("\n"));
  }
  return tidy(withoutSignature(answer));
}

function historyStart(lines: string[]): HistoryStart | null {
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (QUOTED.test(line)) continue;
    if (ORIGINAL_MESSAGE.test(line) || OUTLOOK_RULE.test(line)) return { kind: "history", index };
    if (HEADER_FROM.test(line) && lines.slice(index + 1, index + 4).some((next) => HEADER_SENT.test(next.trim()))) {
      return { kind: "history", index };
    }
    const end = wroteHeaderEnd(lines, index);
    if (end !== null) return { kind: "quote", index, end };
  }
  return null;
}

/** Where an "… wrote:" header starting at `index` ends (one to three lines), or null. */
function wroteHeaderEnd(lines: string[], index: number): number | null {
  const first = (lines[index] ?? "").trim();
  if (WROTE_START.test(first)) {
    for (let end = index + 1; end <= Math.min(lines.length, index + 3); end++) {
      const header = lines
        .slice(index, end)
        .map((line) => line.trim())
        .join(" ");
      if (header.length > MAX_HEADER_LENGTH) return null;
      // "On <date>, <name> wrote:" always has a date.
      if (WROTE_END.test(header)) return /\d/.test(header) ? end : null;
    }
  }
  // A bare "<name> wrote:" counts only on one line, over quoted lines.
  if (first.length > MAX_HEADER_LENGTH || !WROTE_END.test(first)) return null;
  const next = lines.slice(index + 1).find((line) => line.trim() !== "");
  return next !== undefined && QUOTED.test(next) ? index + 1 : null;
}

function withoutQuotes(lines: string[]): string[] {
  return lines.filter((line) => !QUOTED.test(line));
}

function withoutSignature(lines: string[]): string[] {
  const rule = lines.findIndex((line) => SIGNATURE_RULE.test(line));
  const kept = rule === -1 ? [...lines] : lines.slice(0, rule);
  while (kept.length > 0) {
    const last = (kept.at(-1) ?? "").trim();
    if (last !== "" && !TRAILERS.some((trailer) => trailer.test(last)) && !RULE.test(last)) break;
    kept.pop();
  }
  return kept;
}

const hasText = (lines: string[]) => lines.some((line) => line.trim() !== "");

/** Trailing spaces off each line, at most one empty line in a row, no blank lines around. */
function tidy(lines: string[]): string {
  return lines
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
