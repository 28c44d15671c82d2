// What a message's text may be: one rule, the same in the composer (before
// anything leaves the box) and at every door (messageBodySchema). Plain
// functions, no zod: the browser bundle stays free of zod's eval probe, which a
// strict CSP reports.

/** Longest message, in characters as people count them: Unicode code points, as PostgreSQL's length() does. */
export const MAX_MESSAGE_LENGTH = 4000;

/**
 * Stripped: control characters other than tab and newline (NUL, ESC, C1 …),
 * which PostgreSQL can't store or terminals act on, and the bidi overrides and
 * embeddings (U+202A–U+202E) that make text read backwards ("gpj.exe").
 * Isolates and marks, which right-to-left writing needs, stay; each message is
 * shown in its own direction-isolated box (`dir="auto"`), so they can't reach
 * past it.
 */
const STRIPPED = /[\p{Cc}\u202A-\u202E]/gu;
const strip = (char: string) => (char === "\t" || char === "\n" ? char : "");

/**
 * A character that shows something: a letter, digit, punctuation or symbol
 * (emoji included) that isn't default-ignorable (zero-width characters,
 * variation selectors, fillers such as U+3164) or one of the blank glyphs.
 * Combining marks, format and private-use characters alone show nothing.
 */
const VISIBLE = /(?![\p{Default_Ignorable_Code_Point}\u2800\u{1D159}])[\p{L}\p{N}\p{P}\p{S}]/u;

/** No script stacks more than a few marks on one letter; more only draws over the lines around it ("Zalgo"). */
const MAX_MARKS = 8;
const MARK_PILE = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, "gu");

/** No lone UTF-16 surrogates (String.prototype.isWellFormed, which Node 20's types lack). */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** The text as it is stored: line breaks as \n, stripped characters gone, trimmed. */
export function cleanMessageText(raw: string): string {
  return raw.replace(/\r\n?/g, "\n").replace(STRIPPED, strip).replace(MARK_PILE, "$1").trim();
}

export function messageLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/**
 * Text that came by text or email, cut to a message's length with "…" when
 * longer: a long answer is still heard rather than refused.
 */
export function fitMessageLength(text: string): string {
  if (messageLength(text) <= MAX_MESSAGE_LENGTH) return text;
  return `${Array.from(text)
    .slice(0, MAX_MESSAGE_LENGTH - 1)
    .join("")
    .trimEnd()}…`;
}

/** Why a cleaned text can't be sent, in words for the person writing it; null when it can. */
export function messageTextProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return "Messages can't contain that character.";
  if (!VISIBLE.test(text)) return "Write something before sending.";
  if (messageLength(text) > MAX_MESSAGE_LENGTH) return `Messages can be at most ${MAX_MESSAGE_LENGTH} characters.`;
  return null;
}
