import type { Actor } from "../auth/actor.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { type EndpointRule, isAllowedEndpoint } from "./push-endpoints.ts";
import type { PushSubscriptionInput, PushUnsubscribeInput } from "./schemas.ts";

/** Browsers (phones, tablets, laptops) one person keeps subscribed; the oldest goes first. */
export const MAX_SUBSCRIPTIONS_PER_USER = 10;

function staffOnly(actor: Actor) {
  if (actor.kind !== "staff") throw new AppError("forbidden", "Notifications are for staff on their own devices.");
  return actor;
}

/**
 * Keeps a browser's push subscription for the signed-in staff member, tied to
 * this sign-in: it goes quiet when the session ends (sign-out, password reset,
 * expiry), and the opt-in confirms it on each visit, moving it to the new
 * session. The same endpoint again (another person signed in on a shared
 * phone) moves to this person: one browser is told of one person's jobs. Only
 * the browser itself can move it while its holder's sign-in lasts, since only
 * it knows the subscription's auth secret: someone who learned a colleague's
 * endpoint URL can't take it.
 */
export async function saveSubscription(
  db: Db,
  actor: Actor,
  input: PushSubscriptionInput,
  rule: EndpointRule,
): Promise<{ id: string }> {
  const staff = staffOnly(actor);
  if (!isAllowedEndpoint(input.endpoint, rule)) {
    throw new AppError("bad_request", "This browser's push service isn't one Trio sends to.");
  }
  const keys = { p256dh: input.keys.p256dh, auth: input.keys.auth };
  const held = await db.pushSubscription.findUnique({
    where: { endpoint: input.endpoint },
    select: { userId: true, auth: true, session: { select: { revokedAt: true, expiresAt: true } } },
  });
  // A sign-in that ended holds nothing: whoever the browser now belongs to may take it.
  const live = held && held.session.revokedAt === null && held.session.expiresAt > new Date();
  if (held && live && held.userId !== staff.userId && held.auth !== keys.auth) {
    throw new AppError("conflict", "This browser's notifications belong to someone else's sign-in.");
  }
  const saved = await db.pushSubscription.upsert({
    where: { endpoint: input.endpoint },
    create: { userId: staff.userId, sessionId: staff.sessionId, endpoint: input.endpoint, ...keys },
    update: { userId: staff.userId, sessionId: staff.sessionId, ...keys, failures: 0 },
    select: { id: true },
  });
  const extra = await db.pushSubscription.findMany({
    where: { userId: staff.userId },
    orderBy: { createdAt: "desc" },
    skip: MAX_SUBSCRIPTIONS_PER_USER,
    select: { id: true },
  });
  if (extra.length > 0) await db.pushSubscription.deleteMany({ where: { id: { in: extra.map((row) => row.id) } } });
  return saved;
}

/** Turns notifications off for this browser (only the caller's own subscription). */
export async function removeSubscription(db: Db, actor: Actor, input: PushUnsubscribeInput): Promise<void> {
  const staff = staffOnly(actor);
  await db.pushSubscription.deleteMany({ where: { endpoint: input.endpoint, userId: staff.userId } });
}
