// The sign-in form's plain post (no script): POST /api/sign-in.
import { describe, expect, it } from "vitest";
import { POST } from "../../app/api/sign-in/route.ts";
import { REMOTE_ADDRESS_HEADER } from "../../lib/auth/client-address.ts";
import { parseCookieHeader } from "../../lib/auth/cookies.ts";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { SIGN_IN_FAILURES_ALLOWED } from "../../lib/auth/sign-in-limiter.ts";
import { getDb } from "../../lib/db.ts";
import { createCompany, createStaff } from "../../prisma/seed/factories.ts";

const OWN_ORIGIN = "http://localhost:3000"; // NEXTAUTH_URL in tests
let lastOctet = 0;
const newAddress = () => `203.0.113.${++lastOctet}`;

function formPost(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const request = new Request(`${OWN_ORIGIN}/api/sign-in`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: OWN_ORIGIN,
      "sec-fetch-site": "same-origin",
      [REMOTE_ADDRESS_HEADER]: newAddress(),
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
  return POST(request, { params: Promise.resolve({}) });
}

async function staffMember() {
  const company = await createCompany(getDb(), { name: "Formco" });
  return createStaff(getDb(), { companyId: company.id, role: "DISPATCHER", password: "right password" });
}

describe("POST /api/sign-in (the form without script)", () => {
  it("signs in with next-auth's own session cookie and sends the browser home with a 303", async () => {
    const user = await staffMember();
    const response = await formPost({ email: user.email, password: "right password" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^next-auth\.session-token=[^;]+; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/);
    const actor = await resolveActor(getDb(), parseCookieHeader(setCookie.split(";")[0]));
    expect(actor).toMatchObject({ kind: "staff", userId: user.id });
  });

  it("sends a wrong password back to the form with an error code, never the password, and no cookie", async () => {
    const user = await staffMember();
    const wrong = await formPost({ email: user.email, password: "secret-guess" });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toBe("/signin?error=credentials");
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const empty = await formPost({ email: user.email, password: "" });
    expect(empty.headers.get("location")).toBe("/signin?error=invalid");
  });

  it("says when the email is locked for this address, with the wait", async () => {
    const user = await staffMember();
    const here = newAddress();
    for (let guess = 0; guess < SIGN_IN_FAILURES_ALLOWED; guess++) {
      await formPost({ email: user.email, password: `guess ${guess}` }, { [REMOTE_ADDRESS_HEADER]: here });
    }
    const locked = await formPost({ email: user.email, password: "right password" }, { [REMOTE_ADDRESS_HEADER]: here });
    expect(locked.headers.get("location")).toMatch(/^\/signin\?error=account%3A\d+$/);
    expect(locked.headers.get("set-cookie")).toBeNull();
  });

  it("keeps a callbackUrl on our own origin and turns any other into /", async () => {
    const user = await staffMember();
    const landing = async (callbackUrl: string) =>
      (await formPost({ email: user.email, password: "right password", callbackUrl })).headers.get("location");
    expect(await landing("/jobs/123?tab=thread")).toBe("/jobs/123?tab=thread");
    expect(await landing(`${OWN_ORIGIN}/dispatch`)).toBe("/dispatch");
    for (const foreign of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "http://localhost:3000.evil.example/",
      `${OWN_ORIGIN}//evil.example/`,
      "http://[not a url",
    ]) {
      expect(await landing(foreign), foreign).toBe("/");
    }
  });

  it("refuses posts from other sites in the one error shape, and signs no one in", async () => {
    const user = await staffMember();
    const sessionsBefore = await getDb().staffSession.count({ where: { userId: user.id } });
    for (const headers of [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "null", "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example", "sec-fetch-site": "" },
    ]) {
      const response = await formPost({ email: user.email, password: "right password" }, headers);
      expect(response.status).toBe(403);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await response.json()).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
    }
    expect(await getDb().staffSession.count({ where: { userId: user.id } })).toBe(sessionsBefore);
  });
});
