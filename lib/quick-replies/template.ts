// What a quick reply's text may be: one rule, the same in the office's editor
// (before anything is saved) and at every door (schemas.ts). Plain functions,
// no zod, like lib/messages/message-text.ts: the browser bundle reads them.
import { cleanMessageText, messageLength } from "../messages/message-text.ts";

/** Longest template, in characters as people count them: a few lines, not a letter. */
export const MAX_QUICK_REPLY_LENGTH = 300;
/** Most quick replies one company keeps: more chips than this are scrolled past, not tapped. */
export const MAX_QUICK_REPLIES = 20;

/** The blanks Trio can fill from a job, as they are written in a template. */
export const QUICK_REPLY_VARIABLES = ["{first name}", "{eta}", "{technician}", "{company}"] as const;
export type QuickReplyVariable = (typeof QUICK_REPLY_VARIABLES)[number];

/** A blank as written: anything between braces, no braces inside. */
const BLANK = /\{([^{}]*)\}/g;

/** Spaces and characters that show nothing (zero-width spaces and the like). */
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}]/gu;

/** "{ First  Name }" → "{first name}": how a blank is written doesn't matter, only which one it is. */
function canonical(inner: string): string {
  return `{${inner.trim().replace(/\s+/g, " ").toLowerCase()}}`;
}

const isVariable = (blank: string): blank is QuickReplyVariable =>
  (QUICK_REPLY_VARIABLES as readonly string[]).includes(blank);

const variableList = `${QUICK_REPLY_VARIABLES.slice(0, -1).join(", ")} or ${QUICK_REPLY_VARIABLES.at(-1)}`;

/** The text as it is stored: cleaned like a message, each blank written the one way. */
export function cleanQuickReply(raw: string): string {
  return cleanMessageText(raw).replace(BLANK, (whole, inner: string) => {
    const blank = canonical(inner);
    return isVariable(blank) ? blank : whole;
  });
}

/** Why a cleaned template can't be saved, in words for the person writing it; null when it can. */
export function quickReplyProblem(text: string): string | null {
  if (/\p{Surrogate}/u.test(text)) return "Quick replies can't contain that character.";
  if (!text.replace(INVISIBLE, "")) return "Write the reply first.";
  if (messageLength(text) > MAX_QUICK_REPLY_LENGTH)
    return `Quick replies can be at most ${MAX_QUICK_REPLY_LENGTH} characters.`;
  for (const [whole, inner] of text.matchAll(BLANK)) {
    if (!isVariable(canonical(inner ?? ""))) {
      return `“${whole}” isn't a blank Trio can fill. Use ${variableList}.`;
    }
  }
  const rest = text.replace(BLANK, "");
  if (rest.includes("{")) return `A “{” is missing its “}”. Blanks are written like {first name}.`;
  if (rest.includes("}")) return `A “}” has no “{” before it. Blanks are written like {first name}.`;
  return null;
}

/** What a job tells about each blank; null where it doesn't know. */
export type QuickReplyFacts = {
  firstName: string | null;
  /** Already written as people read it, in the company's time zone ("2:40 pm"). */
  eta: string | null;
  technician: string | null;
  company: string | null;
};

/**
 * The rule for a blank the job can't fill: it becomes a plain word that still
 * reads ("Hi there", "see you soon"), never a stray "{eta}" the homeowner would
 * see. The text lands in the message box, so the sender can still change it.
 */
export const QUICK_REPLY_FALLBACKS: Record<QuickReplyVariable, string> = {
  "{first name}": "there",
  "{eta}": "soon",
  "{technician}": "your technician",
  "{company}": "our team",
};

const FACT_OF: Record<QuickReplyVariable, keyof QuickReplyFacts> = {
  "{first name}": "firstName",
  "{eta}": "eta",
  "{technician}": "technician",
  "{company}": "company",
};

/**
 * The template with its blanks filled from the job, in one pass: a filled-in
 * value is never read again for blanks (a customer named "{eta}" stays as
 * written).
 */
export function fillQuickReply(template: string, facts: QuickReplyFacts): string {
  return template.replace(BLANK, (whole, inner: string) => {
    const blank = canonical(inner);
    if (!isVariable(blank)) return whole;
    const value = facts[FACT_OF[blank]]?.trim();
    return value ? value : QUICK_REPLY_FALLBACKS[blank];
  });
}
