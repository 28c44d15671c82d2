import { decode } from "next-auth/jwt";
import type { Db } from "../db.ts";
import { requireAuthSecret } from "../env.ts";
import type { Role } from "../generated/prisma/enums.ts";
import { isUuid } from "../ids.ts";
import { runStatement } from "../sql.ts";
import type { Actor, HomeownerActor, StaffActor } from "./actor.ts";
import { type CookieReader, HOMEOWNER_COOKIE, STAFF_COOKIES } from "./cookies.ts";
import { hashToken, isTokenShaped } from "./tokens.ts";

// The two lookups every door and every socket handshake makes: plain SQL
// through pg (lib/sql.ts), a quarter of the Node CPU of the same read through
// Prisma with its relations. Message events never look a session up (the
// socket keeps its handshake's actor), so the touch below is not per message.
const STAFF_SESSION = `
  SELECT s."revokedAt" AS revoked_at, s."expiresAt" AS expires_at, u."id" AS user_id, u."name",
         m."companyId" AS company_id, m."role"::text AS role
  FROM "StaffSession" s
  JOIN "User" u ON u."id" = s."userId"
  JOIN LATERAL (
    SELECT "companyId", "role" FROM "Membership" WHERE "userId" = u."id" ORDER BY "createdAt" LIMIT 1
  ) m ON true
  WHERE s."id" = $1::uuid`;

type StaffRow = {
  revoked_at: Date | null;
  expires_at: Date;
  user_id: string;
  name: string;
  company_id: string;
  role: Role;
};

/**
 * How stale a homeowner session's `lastSeenAt` may get before a lookup moves
 * it: the cap per link ends the least recently seen sessions first, and this
 * keeps that bookkeeping to one write per session per few minutes, however
 * many pages and handshakes it makes.
 */
export const SESSION_TOUCH_INTERVAL_MINUTES = 5;

// The lookup also touches the session, in the same statement: only a live one,
// only when it was last seen long enough ago or never since its link was opened
// (lastSeenAt = createdAt: that first use is what sets a browser apart from a
// scanner that fetched the link once). A data-modifying CTE runs whether or not
// the SELECT reads it. Times are UTC, as Prisma keeps them.
const HOMEOWNER_SESSION = `
  WITH found AS (
    SELECT h."id" AS session_id, h."createdAt" AS created_at, h."lastSeenAt" AS last_seen_at,
           l."id" AS link_id, l."expiresAt" AS expires_at, l."revokedAt" AS revoked_at,
           j."id" AS job_id, j."companyId" AS company_id, c."id" AS customer_id, c."name"
    FROM "HomeownerSession" h
    JOIN "AccessLink" l ON l."id" = h."accessLinkId"
    JOIN "Job" j ON j."id" = l."jobId"
    JOIN "Customer" c ON c."id" = j."customerId"
    WHERE h."tokenHash" = $1
  ), touched AS (
    UPDATE "HomeownerSession" h SET "lastSeenAt" = now() AT TIME ZONE 'UTC'
    FROM found f
    WHERE h."id" = f.session_id
      AND f.revoked_at IS NULL
      AND f.expires_at > now() AT TIME ZONE 'UTC'
      AND (f.last_seen_at = f.created_at
        OR f.last_seen_at < now() AT TIME ZONE 'UTC' - make_interval(mins => ${SESSION_TOUCH_INTERVAL_MINUTES}))
  )
  SELECT session_id, link_id, expires_at, revoked_at, job_id, company_id, customer_id, name FROM found`;

type HomeownerRow = {
  session_id: string;
  link_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  job_id: string;
  company_id: string;
  customer_id: string;
  name: string;
};

async function resolveStaff(db: Db, raw: string): Promise<StaffActor | null> {
  const token = await decode({ token: raw, secret: requireAuthSecret() }).catch(() => null);
  const sessionId = typeof token?.sid === "string" && isUuid(token.sid) ? token.sid : null;
  if (!sessionId) return null;
  const [row] = await runStatement<StaffRow>(db, "staff_session", STAFF_SESSION, [sessionId]);
  if (!row || row.revoked_at || row.expires_at <= new Date()) return null;
  return {
    kind: "staff",
    userId: row.user_id,
    name: row.name,
    sessionId,
    expiresAt: row.expires_at,
    companyId: row.company_id,
    role: row.role,
  };
}

async function resolveHomeowner(db: Db, raw: string): Promise<HomeownerActor | null> {
  // Junk never costs a database lookup.
  if (!isTokenShaped(raw)) return null;
  const [row] = await runStatement<HomeownerRow>(db, "homeowner_session", HOMEOWNER_SESSION, [hashToken(raw)]);
  if (!row || row.revoked_at || row.expires_at <= new Date()) return null;
  return {
    kind: "homeowner",
    jobId: row.job_id,
    companyId: row.company_id,
    customerId: row.customer_id,
    name: row.name,
    sessionId: row.session_id,
    accessLinkId: row.link_id,
    expiresAt: row.expires_at,
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
