// What a message's text may be: one rule, the same in the composer (before
// anything leaves the box) and at every door (messageBodySchema). Plain
// functions, no zod: the browser bundle stays free of zod's eval probe, which a
// strict CSP reports.

/** Longest message, in characters as people count them: Unicode code points, as PostgreSQL's length() does. */
export const MAX_MESSAGE_LENGTH = 4000;

/**
 * Stripped: control characters other than tab and newline (NUL, ESC, C1 …),
 * which PostgreSQL can't store or terminals act on, and the bidi overrides and
 * embeddings (U+202A–U+202E) that make text read backwards ("gpj.exe"). Isolates
 * and marks, which right-to-left writing needs, stay; each message is shown in
 * its own direction-isolated box (`dir="auto"`), so they can't reach past it.
 */
const STRIPPED = /[\p{Cc}\u202A-\u202E]/gu;
const strip = (char: string) => (char === "\t" || char === "\n" ? char : "");

/** Characters that show nothing on their own: spaces, format characters, fillers and blanks. */
const INVISIBLE = /^(?:[\p{White_Space}\p{Cf}\p{Cc}\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0]|\u034F)*$/u;

/** No lone UTF-16 surrogates (String.prototype.isWellFormed, which Node 20's types lack). */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** The text as it is stored: line breaks as \n, stripped characters gone, trimmed. */
export function cleanMessageText(raw: string): string {
  return raw.replace(/\r\n?/g, "\n").replace(STRIPPED, strip).trim();
}

export function messageLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/** Why a cleaned text can't be sent, in words for the person writing it; null when it can. */
export function messageTextProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return "Messages can't contain that character.";
  if (INVISIBLE.test(text)) return "Write something before sending.";
  if (messageLength(text) > MAX_MESSAGE_LENGTH) return `Messages can be at most ${MAX_MESSAGE_LENGTH} characters.`;
  return null;
}
