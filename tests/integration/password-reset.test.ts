// "Forgot password", served by the office: a one-time reset link, then /reset/<token>.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as resetRoute } from "../../app/api/password-reset/route.ts";
import { POST as makeLinkRoute } from "../../app/api/staff/[id]/password-resets/route.ts";
import { REMOTE_ADDRESS_HEADER } from "../../lib/auth/client-address.ts";
import { parseCookieHeader } from "../../lib/auth/cookies.ts";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { SIGN_IN_FAILURES_ALLOWED } from "../../lib/auth/sign-in-limiter.ts";
import { hashToken } from "../../lib/auth/tokens.ts";
import { verifyStaffCredentials } from "../../lib/auth/verify-staff-credentials.ts";
import { getDb } from "../../lib/db.ts";
import { createCompany, createStaff } from "../../prisma/seed/factories.ts";
import { staffCookie } from "../support/world.ts";

const ORIGIN = "http://localhost:3000";
let lastOctet = 0;

async function makeLink(cookie: string, userId: string, headers: Record<string, string> = {}) {
  const request = new Request(`${ORIGIN}/api/staff/${userId}/password-resets`, {
    method: "POST",
    headers: { cookie, origin: ORIGIN, ...headers },
  });
  const response = await makeLinkRoute(request, { params: Promise.resolve({ id: userId }) });
  return { status: response.status, body: await response.json() };
}

function setPassword(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const request = new Request(`${ORIGIN}/api/password-reset`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return resetRoute(request, { params: Promise.resolve({}) });
}

const tokenOf = (url: string) => new URL(url).pathname.replace("/reset/", "");
const signsIn = async (email: string, password: string) =>
  (await verifyStaffCredentials(getDb(), { email, password }, `192.0.2.${++lastOctet}`)).ok;
const staffOf = async (cookie: string) => resolveActor(getDb(), parseCookieHeader(cookie));

let company: { id: string };
let admin: string;
let dispatcher: string;
beforeAll(async () => {
  company = await createCompany(getDb(), { name: "Resetco" });
  const a = await createStaff(getDb(), { companyId: company.id, role: "ADMIN" });
  const d = await createStaff(getDb(), { companyId: company.id, role: "DISPATCHER" });
  admin = await staffCookie(a.id, a.email);
  dispatcher = await staffCookie(d.id, d.email);
});

describe("password reset links", () => {
  it("let a staff member choose a new password once, and end every session they had", async () => {
    const tech = await createStaff(getDb(), { companyId: company.id, role: "TECHNICIAN", password: "old password" });
    const techSession = await staffCookie(tech.id, tech.email);
    const made = await makeLink(dispatcher, tech.id);
    expect(made.status).toBe(201);
    expect(made.body.data.url).toMatch(/^http:\/\/localhost:3000\/reset\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(made.body.data.url);
    // Stored only as its hash.
    const stored = await getDb().passwordReset.findMany({ where: { userId: tech.id }, select: { tokenHash: true } });
    expect(stored).toEqual([{ tokenHash: hashToken(token) }]);

    const done = await setPassword({ token, password: "a brand new one", confirm: "a brand new one" });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/signin?notice=password_changed");
    expect(await staffOf(techSession)).toBeNull();
    expect(await signsIn(tech.email, "old password")).toBe(false);
    expect(await signsIn(tech.email, "a brand new one")).toBe(true);

    const again = await setPassword({ token, password: "yet another one", confirm: "yet another one" });
    expect(again.headers.get("location")).toBe(`/reset/${token}`);
    expect(await signsIn(tech.email, "yet another one")).toBe(false);
  });

  it("let the owner back in from the address their own guesses had locked", async () => {
    const tech = await createStaff(getDb(), { companyId: company.id, role: "TECHNICIAN", password: "old password" });
    const phone = "192.0.2.200";
    for (let guess = 0; guess < SIGN_IN_FAILURES_ALLOWED; guess++) {
      await verifyStaffCredentials(getDb(), { email: tech.email, password: `guess ${guess}` }, phone);
    }
    expect(await verifyStaffCredentials(getDb(), { email: tech.email, password: "old password" }, phone)).toMatchObject(
      {
        ok: false,
        reason: "account",
      },
    );
    const token = tokenOf((await makeLink(admin, tech.id)).body.data.url);
    await setPassword(
      { token, password: "a brand new one", confirm: "a brand new one" },
      { [REMOTE_ADDRESS_HEADER]: phone },
    );
    expect(
      await verifyStaffCredentials(getDb(), { email: tech.email, password: "a brand new one" }, phone),
    ).toMatchObject({
      ok: true,
    });
  });

  it("send a short or mistyped password back to the page, changing nothing", async () => {
    const tech = await createStaff(getDb(), { companyId: company.id, role: "TECHNICIAN", password: "old password" });
    const token = tokenOf((await makeLink(admin, tech.id)).body.data.url);
    const short = await setPassword({ token, password: "short", confirm: "short" });
    expect(short.headers.get("location")).toBe(`/reset/${token}?error=password`);
    const mismatch = await setPassword({ token, password: "long enough one", confirm: "long enough two" });
    expect(mismatch.headers.get("location")).toBe(`/reset/${token}?error=confirm`);
    expect(await signsIn(tech.email, "old password")).toBe(true);
  });

  it("expire, and a newer link replaces an older one", async () => {
    const tech = await createStaff(getDb(), { companyId: company.id, role: "TECHNICIAN", password: "old password" });
    const first = tokenOf((await makeLink(admin, tech.id)).body.data.url);
    const second = tokenOf((await makeLink(admin, tech.id)).body.data.url);
    const replaced = await setPassword({ token: first, password: "a brand new one", confirm: "a brand new one" });
    expect(replaced.headers.get("location")).toBe(`/reset/${first}`);
    await getDb().passwordReset.updateMany({
      where: { tokenHash: hashToken(second) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await setPassword({ token: second, password: "a brand new one", confirm: "a brand new one" });
    expect(expired.headers.get("location")).toBe(`/reset/${second}`);
    expect(await signsIn(tech.email, "old password")).toBe(true);
  });

  it("are made by an admin for anyone, by a dispatcher for technicians only, inside their company", async () => {
    const otherDispatcher = await createStaff(getDb(), { companyId: company.id, role: "DISPATCHER" });
    const tech = await createStaff(getDb(), { companyId: company.id, role: "TECHNICIAN" });
    const techCookie = await staffCookie(tech.id, tech.email);
    const elsewhere = await createCompany(getDb(), { name: "Elsewhere" });
    const stranger = await createStaff(getDb(), { companyId: elsewhere.id, role: "TECHNICIAN" });

    expect((await makeLink(admin, otherDispatcher.id)).status).toBe(201);
    expect(await makeLink(dispatcher, otherDispatcher.id)).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden" } },
    });
    expect((await makeLink(techCookie, tech.id)).status).toBe(403);
    expect(await makeLink(admin, stranger.id)).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect((await makeLink("", tech.id)).status).toBe(401);
    expect(await getDb().passwordReset.count({ where: { userId: { in: [tech.id, stranger.id] } } })).toBe(0);
  });

  it("are not made for someone who also works for another company, whose account it would open", async () => {
    const elsewhere = await createCompany(getDb(), { name: "Elsewhere Too" });
    const theirDispatcher = await createStaff(getDb(), { companyId: elsewhere.id, role: "DISPATCHER" });
    // Also a technician here: our dispatcher may reset technicians, but not the other company's dispatcher.
    await getDb().membership.create({
      data: { userId: theirDispatcher.id, companyId: company.id, role: "TECHNICIAN" },
    });
    expect(await makeLink(dispatcher, theirDispatcher.id)).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden", message: expect.stringContaining("another company") } },
    });
    expect(await getDb().passwordReset.count({ where: { userId: theirDispatcher.id } })).toBe(0);
  });

  it("refuse posts from other sites on both doors", async () => {
    const tech = await createStaff(getDb(), { companyId: company.id, role: "TECHNICIAN", password: "old password" });
    const foreign = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    expect(await makeLink(admin, tech.id, foreign)).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden" } },
    });
    const token = tokenOf((await makeLink(admin, tech.id)).body.data.url);
    const refused = await setPassword({ token, password: "a brand new one", confirm: "a brand new one" }, foreign);
    expect(refused.status).toBe(403);
    expect(await signsIn(tech.email, "old password")).toBe(true);
  });
});
