// How many live homeowner sessions a link can leave behind, and what the
// server's clean-up removes. Real PostgreSQL; links opened through the route.
import { describe, expect, it } from "vitest";
import { GET as openLinkRoute } from "../../app/j/[token]/route.ts";
import { createAccessLink, MAX_SESSIONS_PER_LINK, revokeAccessLink } from "../../lib/auth/access-links.ts";
import { cleanUpExpired, LINK_RETENTION_DAYS } from "../../lib/auth/clean-up-expired.ts";
import { parseCookieHeader } from "../../lib/auth/cookies.ts";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { createStaffSession, revokeStaffSession } from "../../lib/auth/staff-sessions.ts";
import { getDb } from "../../lib/db.ts";
import { createCompany, createCustomer, createJob, createStaff } from "../../prisma/seed/factories.ts";
import { startRealtime, until } from "../support/realtime.ts";

const DAY = 24 * 60 * 60 * 1000;

async function newJob() {
  const db = getDb();
  const company = await createCompany(db, { name: "Sessionco" });
  const customer = await createCustomer(db, { companyId: company.id, name: "Pat Home" });
  return { company, job: await createJob(db, { companyId: company.id, customerId: customer.id }) };
}

/** Opens a link as a browser does: with the cookie it holds, if any; answers the cookie it holds afterwards. */
async function openLink(token: string, cookie?: string) {
  const request = new Request(`http://localhost:3000/j/${token}`, { headers: cookie ? { cookie } : {} });
  const response = await openLinkRoute(request, { params: Promise.resolve({ token }) });
  expect(response.status).toBe(303);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

const signedIn = async (cookie: string) => (await resolveActor(getDb(), parseCookieHeader(cookie))) !== null;

const liveSessions = (accessLinkId: string) => getDb().homeownerSession.count({ where: { accessLinkId } });

describe("homeowner sessions per link", () => {
  it("100 opens without a cookie leave at most the cap of live sessions; the newest still work", async () => {
    const { job } = await newJob();
    const link = await createAccessLink(getDb(), job.id, 30);
    const cookies: string[] = [];
    for (let open = 0; open < 100; open++) cookies.push(await openLink(link.token));
    expect(new Set(cookies).size).toBe(100);
    expect(await liveSessions(link.id)).toBe(MAX_SESSIONS_PER_LINK);
    expect(await signedIn(cookies[99] ?? "")).toBe(true);
    expect(await signedIn(cookies[100 - MAX_SESSIONS_PER_LINK] ?? "")).toBe(true);
    // The oldest ones were ended to make room.
    expect(await signedIn(cookies[0] ?? "")).toBe(false);
  });

  it("opening the link again from the same browser keeps its session", async () => {
    const { job } = await newJob();
    const link = await createAccessLink(getDb(), job.id, 30);
    const cookie = await openLink(link.token);
    for (let open = 0; open < 5; open++) expect(await openLink(link.token, cookie)).toBe(cookie);
    expect(await liveSessions(link.id)).toBe(1);
    expect(await signedIn(cookie)).toBe(true);
  });

  it("a cookie from another link, or an ended session, gets a new session", async () => {
    const { job } = await newJob();
    const first = await createAccessLink(getDb(), job.id, 30);
    const second = await createAccessLink(getDb(), job.id, 30);
    const cookie = await openLink(first.token);
    const other = await openLink(second.token, cookie);
    expect(other).not.toBe(cookie);
    expect(await signedIn(other)).toBe(true);
    expect(await openLink(first.token, "trio.homeowner=junk")).not.toBe(cookie);
  });
});

describe("a session ended to make room", () => {
  it("loses its open socket at once", async () => {
    const realtime = await startRealtime();
    try {
      const { job } = await newJob();
      const link = await createAccessLink(getDb(), job.id, 30);
      const oldest = await openLink(link.token);
      const socket = await realtime.client(oldest);
      const reasons: string[] = [];
      socket.on("disconnect", (reason) => reasons.push(reason));
      for (let open = 0; open < MAX_SESSIONS_PER_LINK - 1; open++) await openLink(link.token);
      expect(socket.connected).toBe(true);
      await openLink(link.token);
      await until(() => reasons.length > 0, "the oldest session's socket to be disconnected");
      expect(reasons).toEqual(["io server disconnect"]);
      expect(await signedIn(oldest)).toBe(false);
    } finally {
      await realtime.stop();
    }
  });
});

describe("clean-up of expired sessions and links", () => {
  it("deletes what can no longer let anyone in and keeps everything live", async () => {
    const db = getDb();
    const now = new Date();
    const { company, job } = await newJob();
    const user = await createStaff(db, { companyId: company.id, role: "DISPATCHER" });
    const liveStaff = await createStaffSession(db, user.id);
    const signedOut = await createStaffSession(db, user.id);
    await revokeStaffSession(db, signedOut.id);
    const expiredStaff = await db.staffSession.create({
      data: { userId: user.id, expiresAt: new Date(now.getTime() - 1000) },
    });

    const live = await createAccessLink(db, job.id, 30);
    const liveCookie = await openLink(live.token);
    const justExpired = await createAccessLink(db, job.id, 30);
    await openLink(justExpired.token);
    await db.accessLink.update({ where: { id: justExpired.id }, data: { expiresAt: new Date(now.getTime() - DAY) } });
    const turnedOff = await createAccessLink(db, job.id, 30);
    await openLink(turnedOff.token);
    await revokeAccessLink(db, turnedOff.id);
    const longAgo = new Date(now.getTime() - (LINK_RETENTION_DAYS + 1) * DAY);
    const longExpired = await createAccessLink(db, job.id, 30);
    await db.accessLink.update({ where: { id: longExpired.id }, data: { expiresAt: longAgo } });
    const longTurnedOff = await createAccessLink(db, job.id, 30);
    await db.accessLink.update({ where: { id: longTurnedOff.id }, data: { revokedAt: longAgo } });

    const removed = await cleanUpExpired(db, now);

    expect(removed).toEqual({ staffSessions: 2, homeownerSessions: 2, accessLinks: 2 });
    const staffLeft = await db.staffSession.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(staffLeft.map((session) => session.id)).toEqual([liveStaff.id]);
    expect(await db.staffSession.count({ where: { id: expiredStaff.id } })).toBe(0);
    expect(await liveSessions(live.id)).toBe(1);
    expect(await signedIn(liveCookie)).toBe(true);
    expect(await liveSessions(justExpired.id)).toBe(0);
    expect(await liveSessions(turnedOff.id)).toBe(0);
    // Recently ended links stay, so a late click still reads "expired" / "turned off".
    const linksLeft = await db.accessLink.findMany({ where: { jobId: job.id }, select: { id: true } });
    expect(linksLeft.map((link) => link.id).sort()).toEqual([live.id, justExpired.id, turnedOff.id].sort());

    expect(await cleanUpExpired(db, now)).toEqual({ staffSessions: 0, homeownerSessions: 0, accessLinks: 0 });
  });
});
