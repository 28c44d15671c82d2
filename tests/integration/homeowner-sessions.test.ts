// How many live homeowner sessions a link can leave behind, and what the
// server's clean-up removes. Real PostgreSQL; links opened through the route.
import { describe, expect, it } from "vitest";
import { HEAD as checkLinkRoute, GET as openLinkRoute } from "../../app/j/[token]/route.ts";
import { createAccessLink, MAX_SESSIONS_PER_LINK, revokeAccessLink } from "../../lib/auth/access-links.ts";
import { cleanUpExpired, LINK_RETENTION_DAYS } from "../../lib/auth/clean-up-expired.ts";
import { parseCookieHeader } from "../../lib/auth/cookies.ts";
import { resolveActor, SESSION_TOUCH_INTERVAL_MINUTES } from "../../lib/auth/resolve-actor.ts";
import { signedOutPath } from "../../lib/auth/signed-out-path.ts";
import { createStaffSession, revokeStaffSession } from "../../lib/auth/staff-sessions.ts";
import { hashToken } from "../../lib/auth/tokens.ts";
import { getDb } from "../../lib/db.ts";
import { createCompany, createCustomer, createJob, createStaff } from "../../prisma/seed/factories.ts";
import { startRealtime, until } from "../support/realtime.ts";

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

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

const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf("=") + 1);

const sessionRow = (cookie: string) =>
  getDb().homeownerSession.findUniqueOrThrow({
    where: { tokenHash: hashToken(tokenOf(cookie)) },
    select: { createdAt: true, lastSeenAt: true },
  });

/** Sets when a session began and was last seen, as if it had lived that long. */
const backdate = (cookie: string, createdAt: Date, lastSeenAt: Date) =>
  getDb().homeownerSession.update({
    where: { tokenHash: hashToken(tokenOf(cookie)) },
    data: { createdAt, lastSeenAt },
  });

const ago = (ms: number) => new Date(Date.now() - ms);

/** A browser that opened the link `minutes` ago and came back with its cookie just now. */
async function openAndUse(token: string, minutes = 60) {
  const cookie = await openLink(token);
  await backdate(cookie, ago(minutes * MINUTE), ago(minutes * MINUTE));
  expect(await signedIn(cookie)).toBe(true);
  return cookie;
}

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

describe("which sessions the cap ends", () => {
  it("a phone in use survives 25 cookie-less opens; sessions never used after their open are ended", async () => {
    const { job } = await newJob();
    const link = await createAccessLink(getDb(), job.id, 30);
    // The homeowner's phone: the oldest session, its page loaded a minute ago.
    const phone = await openLink(link.token);
    await backdate(phone, ago(2 * DAY), ago(2 * DAY));
    expect(await signedIn(phone)).toBe(true);
    // A scanner fetched the link the day it was sent and never came back.
    const scanned = await openLink(link.token);
    await backdate(scanned, ago(DAY), ago(DAY));

    const bots: string[] = [];
    for (let open = 0; open < 25; open++) bots.push(await openLink(link.token));

    expect(await liveSessions(link.id)).toBe(MAX_SESSIONS_PER_LINK);
    expect(await signedIn(phone)).toBe(true);
    expect(await signedIn(scanned)).toBe(false);
    // The 19 newest opens and the phone are what is left.
    for (const [index, bot] of bots.entries()) expect(await signedIn(bot)).toBe(index >= 25 - 19);
  });

  it("among sessions in use, the least recently seen ends, not the oldest", async () => {
    const { job } = await newJob();
    const link = await createAccessLink(getDb(), job.id, 30);
    const used: string[] = [];
    for (let open = 0; open < MAX_SESSIONS_PER_LINK; open++) used.push(await openAndUse(link.token, 60 + open));
    // Opened first, seen just now; the second one was seen longest ago.
    const [first, second] = used as [string, string];
    await backdate(first, ago(10 * DAY), new Date());
    await backdate(second, ago(DAY), ago(6 * 60 * MINUTE));

    await openLink(link.token);

    expect(await liveSessions(link.id)).toBe(MAX_SESSIONS_PER_LINK);
    expect(await signedIn(first)).toBe(true);
    expect(await signedIn(second)).toBe(false);
  });
});

describe("seeing a session", () => {
  it("moves lastSeenAt at most once per interval, and on the first use after the open", async () => {
    const { job } = await newJob();
    const link = await createAccessLink(getDb(), job.id, 30);
    const cookie = await openLink(link.token);

    // First use after the open: moved, however recent the open.
    const openedAt = ago(MINUTE);
    await backdate(cookie, openedAt, openedAt);
    await signedIn(cookie);
    const firstUse = (await sessionRow(cookie)).lastSeenAt;
    expect(firstUse.getTime()).toBeGreaterThan(openedAt.getTime());

    // Used again within the interval: no write, however often.
    await signedIn(cookie);
    await signedIn(cookie);
    expect((await sessionRow(cookie)).lastSeenAt).toEqual(firstUse);

    // Just inside the interval: still no write.
    const recent = ago((SESSION_TOUCH_INTERVAL_MINUTES - 1) * MINUTE);
    await backdate(cookie, ago(DAY), recent);
    await signedIn(cookie);
    expect((await sessionRow(cookie)).lastSeenAt).toEqual(recent);

    // Beyond it: one write, then none for the next lookups.
    const stale = ago((SESSION_TOUCH_INTERVAL_MINUTES + 1) * MINUTE);
    await backdate(cookie, ago(DAY), stale);
    await signedIn(cookie);
    const touched = (await sessionRow(cookie)).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(ago(MINUTE).getTime());
    await signedIn(cookie);
    expect((await sessionRow(cookie)).lastSeenAt).toEqual(touched);
  });

  it("through a socket handshake counts too", async () => {
    const realtime = await startRealtime();
    try {
      const { job } = await newJob();
      const link = await createAccessLink(getDb(), job.id, 30);
      const cookie = await openLink(link.token);
      const stale = ago(DAY);
      await backdate(cookie, ago(2 * DAY), stale);
      await realtime.client(cookie);
      expect((await sessionRow(cookie)).lastSeenAt.getTime()).toBeGreaterThan(ago(MINUTE).getTime());
    } finally {
      await realtime.stop();
    }
  });
});

describe("HEAD /j/<token>", () => {
  it("answers as GET would, without a cookie or a session", async () => {
    const { job } = await newJob();
    const link = await createAccessLink(getDb(), job.id, 30);
    const head = (token: string) =>
      checkLinkRoute(new Request(`http://localhost:3000/j/${token}`, { method: "HEAD" }), {
        params: Promise.resolve({ token }),
      });
    for (let check = 0; check < 25; check++) {
      const response = await head(link.token);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(`http://localhost:3000/jobs/${job.id}`);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect(await liveSessions(link.id)).toBe(0);

    const unknown = await head("x".repeat(43));
    expect(unknown.status).toBe(303);
    expect(unknown.headers.get("location")).toBe("http://localhost:3000/link-problem?reason=invalid");
    await revokeAccessLink(getDb(), link.id);
    expect((await head(link.token)).headers.get("location")).toContain("/link-problem?reason=turned_off");
  });
});

describe("a session ended to make room", () => {
  it("loses its open socket at once, and its pages send it to a homeowner's page", async () => {
    const realtime = await startRealtime();
    try {
      const { job } = await newJob();
      const link = await createAccessLink(getDb(), job.id, 30);
      const idle = await openAndUse(link.token, 3 * 60);
      const socket = await realtime.client(idle);
      // Its socket has been open for hours; other phones were in use since.
      await backdate(idle, ago(3 * 60 * MINUTE), ago(2 * 60 * MINUTE));
      const reasons: string[] = [];
      socket.on("disconnect", (reason) => reasons.push(reason));
      for (let open = 0; open < MAX_SESSIONS_PER_LINK - 1; open++) await openAndUse(link.token, 60);
      expect(socket.connected).toBe(true);
      await openLink(link.token);
      await until(() => reasons.length > 0, "the least recently seen session's socket to be disconnected");
      expect(reasons).toEqual(["io server disconnect"]);
      expect(await signedIn(idle)).toBe(false);
      expect(signedOutPath(parseCookieHeader(idle))).toBe("/link-problem?reason=signed_out");
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
