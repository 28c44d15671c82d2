// The Reply-To address of every email Trio sends a homeowner:
// reply+<token>@<domain>, where the token is the homeowner's Participant id
// and a signature over it. Whoever holds the address may post in that one
// thread as that homeowner (as with their page's link), so it can't be guessed
// or made up: without the server secret there is no valid token.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env, requireAuthSecret } from "../../env.ts";

/** Separates a purpose's key from the secret's other uses (sessions, other signatures). */
const PURPOSE = "trio:email-reply-address:v1";
const ID_BYTES = 16;
/** 80 bits: guessing one address takes ~2^79 tries, each a mail our listener refuses. */
const SIGNATURE_BYTES = 10;
const LOCAL_PREFIX = "reply+";

// RFC 4648 base32 in lower case: mail systems may lowercase an address's
// local part, and this survives it (26 bytes → 42 characters, a local part of
// 48, under SMTP's 64).
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const TOKEN_LENGTH = Math.ceil(((ID_BYTES + SIGNATURE_BYTES) * 8) / 5);
const ADDRESS = new RegExp(`^${LOCAL_PREFIX.replace("+", "\\+")}([${ALPHABET}]{${TOKEN_LENGTH}})@[^@\\s]+$`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signingKey(): Buffer {
  return createHmac("sha256", requireAuthSecret()).update(PURPOSE).digest();
}

function sign(id: Buffer): Buffer {
  return createHmac("sha256", signingKey()).update(id).digest().subarray(0, SIGNATURE_BYTES);
}

function toBase32(bytes: Buffer): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = ((value << 5) | ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** "Brightside Plumbing <jobs@example.com>" or "jobs@example.com" → "example.com". */
export function domainOf(address: string): string | null {
  const bare = address.match(/<([^<>]*)>\s*$/)?.[1] ?? address;
  const at = bare.lastIndexOf("@");
  const domain = at === -1 ? "" : bare.slice(at + 1).trim();
  return domain === "" ? null : domain.toLowerCase();
}

/** REPLY_DOMAIN, or else MAIL_FROM's domain: where mail must reach the inbound listener. */
export function replyDomain(): string {
  const settings = env();
  const domain = settings.REPLY_DOMAIN?.trim().toLowerCase() || domainOf(settings.MAIL_FROM);
  if (!domain) throw new Error("MAIL_FROM has no domain and REPLY_DOMAIN is not set: no reply address can be made.");
  return domain;
}

/** The Reply-To for an email to this participant (the job's homeowner). */
export function replyAddressFor(participantId: string): string {
  const id = participantId.toLowerCase();
  if (!UUID.test(id)) throw new Error("replyAddressFor: a participant id is a uuid");
  const bytes = Buffer.from(id.replaceAll("-", ""), "hex");
  return `${LOCAL_PREFIX}${toBase32(Buffer.concat([bytes, sign(bytes)]))}@${replyDomain()}`;
}

/**
 * Whose reply this address takes, or null for anything Trio didn't sign.
 * Tolerant of case and of the "Name <address>" form. The domain is not
 * checked: the signature alone decides, so replies to emails sent before
 * REPLY_DOMAIN changed still land if the old domain still reaches us.
 */
export function readReplyAddress(address: string): { participantId: string } | null {
  const bare = (address.match(/<([^<>]*)>\s*$/)?.[1] ?? address).trim().toLowerCase();
  const token = bare.match(ADDRESS)?.[1];
  if (!token) return null;
  const bytes = fromBase32(token);
  // One spelling per token: the last character's spare bits must be zero.
  if (bytes.length !== ID_BYTES + SIGNATURE_BYTES || toBase32(bytes) !== token) return null;
  const id = bytes.subarray(0, ID_BYTES);
  if (!timingSafeEqual(bytes.subarray(ID_BYTES), sign(id))) return null;
  const hex = id.toString("hex");
  return {
    participantId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
  };
}
