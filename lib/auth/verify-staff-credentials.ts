import type { Db } from "../db.ts";
import { HASH_BUSY_RETRY_SECONDS, takeHashSlot } from "./hash-slots.ts";
import { verifyPassword } from "./passwords.ts";
import type { SignInInput } from "./schemas.ts";
import type { SignInRefusal } from "./sign-in-errors.ts";
import { takeSignInAttempt } from "./sign-in-limiter.ts";

// Checked even for unknown emails so both answers take the same time.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export type StaffSignInUser = { id: string; name: string; email: string };
export type StaffSignInResult =
  | { ok: true; user: StaffSignInUser }
  | { ok: false; reason: "credentials" }
  | ({ ok: false } & SignInRefusal);

/**
 * The one check behind every staff sign-in. Order matters: the limits are
 * taken first (atomically), then a hash slot, and only then is a password
 * hashed, so neither a flood nor parallel guesses get more hashes than the
 * limits allow. `address` is the client's (lib/auth/client-address.ts).
 */
export async function verifyStaffCredentials(
  db: Db,
  { email, password }: SignInInput,
  address: string,
): Promise<StaffSignInResult> {
  const attempt = await takeSignInAttempt(email, address);
  if (!attempt.ok) return attempt;
  const release = takeHashSlot();
  if (!release) {
    await attempt.giveBack();
    return { ok: false, reason: "busy", retryAfter: HASH_BUSY_RETRY_SECONDS };
  }
  let user: (StaffSignInUser & { passwordHash: string; memberships: { id: string }[] }) | null;
  let passwordOk: boolean;
  try {
    user = await db.user.findUnique({
      where: { email },
      select: { id: true, name: true, email: true, passwordHash: true, memberships: { select: { id: true } } },
    });
    passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  } catch (error) {
    await attempt.giveBack();
    throw error;
  } finally {
    release();
  }
  if (!user || !passwordOk || user.memberships.length === 0) return { ok: false, reason: "credentials" };
  await attempt.succeeded();
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
