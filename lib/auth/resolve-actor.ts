import { decode } from "next-auth/jwt";
import type { Db } from "../db.ts";
import { requireAuthSecret } from "../env.ts";
import type { Actor, HomeownerActor, StaffActor } from "./actor.ts";
import { type CookieReader, HOMEOWNER_COOKIE, STAFF_COOKIES } from "./cookies.ts";
import { hashToken } from "./tokens.ts";

async function resolveStaff(db: Db, raw: string): Promise<StaffActor | null> {
  const token = await decode({ token: raw, secret: requireAuthSecret() }).catch(() => null);
  const sessionId = typeof token?.sid === "string" ? token.sid : null;
  if (!sessionId) return null;
  const session = await db.staffSession.findUnique({
    where: { id: sessionId },
    select: {
      revokedAt: true,
      expiresAt: true,
      user: {
        select: {
          id: true,
          name: true,
          memberships: { orderBy: { createdAt: "asc" }, take: 1, select: { companyId: true, role: true } },
        },
      },
    },
  });
  const membership = session?.user.memberships[0];
  if (!session || !membership || session.revokedAt || session.expiresAt <= new Date()) return null;
  return {
    kind: "staff",
    userId: session.user.id,
    name: session.user.name,
    sessionId,
    expiresAt: session.expiresAt,
    ...membership,
  };
}

async function resolveHomeowner(db: Db, raw: string): Promise<HomeownerActor | null> {
  const session = await db.homeownerSession.findUnique({
    where: { tokenHash: hashToken(raw) },
    select: {
      id: true,
      accessLink: {
        select: {
          id: true,
          expiresAt: true,
          revokedAt: true,
          job: { select: { id: true, companyId: true, customer: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  const link = session?.accessLink;
  if (!session || !link || link.revokedAt || link.expiresAt <= new Date()) return null;
  return {
    kind: "homeowner",
    jobId: link.job.id,
    companyId: link.job.companyId,
    customerId: link.job.customer.id,
    name: link.job.customer.name,
    sessionId: session.id,
    accessLinkId: link.id,
    expiresAt: link.expiresAt,
  };
}

/**
 * Who is asking, from their cookies: the one way every door (pages, route
 * handlers, the socket handshake) learns it. A staff session wins over a
 * homeowner one in the same browser.
 */
export async function resolveActor(db: Db, cookies: CookieReader): Promise<Actor | null> {
  for (const name of STAFF_COOKIES) {
    const raw = cookies.get(name);
    if (raw) {
      const staff = await resolveStaff(db, raw);
      if (staff) return staff;
    }
  }
  const homeowner = cookies.get(HOMEOWNER_COOKIE);
  return homeowner ? resolveHomeowner(db, homeowner) : null;
}
