// Mail that no person wrote: an out-of-office answer, a list's message, a
// bounce or a read receipt. Posting it would put noise in the thread, and
// answering it (Trio's next email to the homeowner) could start a loop
// between two machines, so such mail is dropped (RFC 3834, RFC 3464).
import type { ParsedMail } from "mailparser";

export type AutomaticMail = "bounce" | "automatic";

/** Precedence values bulk senders and autoresponders set; "list" marks a mailing list. */
const BULK_PRECEDENCE = new Set(["bulk", "junk", "list", "auto_reply"]);
/** Headers whose mere presence marks an autoresponder or a list. */
const AUTOMATIC_HEADERS = ["x-autoreply", "x-autorespond", "x-autoresponder", "list-id", "list-unsubscribe"];
/** Where bounces come from. */
const BOUNCE_SENDERS = new Set(["mailer-daemon", "postmaster"]);

/** Each value of a header as written (unfolded), from the raw lines: `headers` holds parsed objects for some keys. */
export function headerValues(mail: Pick<ParsedMail, "headerLines">, key: string): string[] {
  return mail.headerLines
    .filter((header) => header.key === key)
    .map((header) =>
      header.line
        .replace(/\r?\n[ \t]+/g, " ")
        .replace(/^[^:]*:/, "")
        .trim(),
    );
}

/** The first token of a header's value, lowercased: "auto-replied; owner-email=…" → "auto-replied". */
const tokenOf = (value: string) => (value.split(";")[0] ?? "").trim().toLowerCase();

/**
 * Why this mail is not a person's reply, or null when it may be one.
 * `envelopeSender` is SMTP's MAIL FROM when known: empty ("<>") only for
 * bounces and automatic answers.
 */
export function automaticMail(
  mail: Pick<ParsedMail, "headerLines" | "from">,
  envelopeSender?: string,
): AutomaticMail | null {
  if (isBounce(mail, envelopeSender)) return "bounce";
  const submitted = headerValues(mail, "auto-submitted").map(tokenOf);
  if (submitted.some((value) => value !== "no")) return "automatic";
  if (headerValues(mail, "precedence").some((value) => BULK_PRECEDENCE.has(tokenOf(value)))) return "automatic";
  if (AUTOMATIC_HEADERS.some((key) => headerValues(mail, key).length > 0)) return "automatic";
  // Exchange's out-of-office answers ask that nothing answer them: "All".
  const suppress = headerValues(mail, "x-auto-response-suppress").flatMap((value) =>
    value.toLowerCase().split(/[\s,]+/),
  );
  if (suppress.includes("all")) return "automatic";
  return null;
}

function isBounce(mail: Pick<ParsedMail, "headerLines" | "from">, envelopeSender?: string): boolean {
  if (envelopeSender === "") return true;
  if (headerValues(mail, "return-path").some((value) => /^<\s*>$/.test(value))) return true;
  // Delivery reports and read receipts alike (report-type delivery-status, disposition-notification).
  if (headerValues(mail, "content-type").some((value) => tokenOf(value) === "multipart/report")) return true;
  const senders = mail.from?.value ?? [];
  return senders.some(({ address }) => BOUNCE_SENDERS.has((address ?? "").split("@")[0]?.toLowerCase() ?? ""));
}
