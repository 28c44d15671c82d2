import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as this hash. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What newToken makes: 43 URL-safe characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const isTokenShaped = (value: string): boolean => TOKEN_PATTERN.test(value);

export const linkTokenSchema = z.string().regex(TOKEN_PATTERN, "This link is not valid.");
