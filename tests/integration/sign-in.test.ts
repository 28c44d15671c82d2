import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { authOptions } from "../../lib/auth/auth-options.ts";
import { REMOTE_ADDRESS_HEADER } from "../../lib/auth/client-address.ts";
import { signInErrorMessage } from "../../lib/auth/sign-in-errors.ts";
import { SIGN_IN_FAILURES_ALLOWED } from "../../lib/auth/sign-in-limiter.ts";
import { getDb } from "../../lib/db.ts";
import { resetLimits } from "../../lib/limits/limits.ts";
import { createCompany, createStaff } from "../../prisma/seed/factories.ts";

type Outcome = { kind: "signed-in"; id: string } | { kind: "wrong" } | { kind: "refused"; code: string };

/** The credentials check next-auth runs when the sign-in form is submitted, from one client address. */
async function attempt(email: string, password: string, address: string): Promise<Outcome> {
  const provider = authOptions().providers[0] as unknown as {
    options: { authorize: (credentials: Record<string, string>, request: unknown) => Promise<{ id: string } | null> };
  };
  try {
    const user = await provider.options.authorize(
      { email, password },
      { headers: { [REMOTE_ADDRESS_HEADER]: address } },
    );
    return user ? { kind: "signed-in", id: user.id } : { kind: "wrong" };
  } catch (error) {
    return { kind: "refused", code: (error as Error).message };
  }
}

let lastOctet = 0;
/** A fresh client address per use, so one test's counts never touch another's. */
const newAddress = () => `198.51.100.${++lastOctet}`;

async function staffMember(password = "right password") {
  const company = await createCompany(getDb(), { name: "Lockco" });
  return createStaff(getDb(), { companyId: company.id, role: "DISPATCHER", password });
}

afterEach(async () => {
  delete process.env.LIMIT_SIGN_INS_PER_ADDRESS;
  await resetLimits();
});

describe("staff sign-in", () => {
  it("accepts the right password, case-insensitively on the email, and nothing else", async () => {
    const user = await staffMember();
    const here = newAddress();
    expect(await attempt(user.email.toUpperCase(), "right password", here)).toEqual({ kind: "signed-in", id: user.id });
    expect(await attempt(user.email, "wrong password", here)).toEqual({ kind: "wrong" });
    expect(await attempt("nobody@example.test", "right password", here)).toEqual({ kind: "wrong" });
    expect(await attempt("not an email", "x", here)).toEqual({ kind: "wrong" });
  });

  it("locks an email for the address that guessed, while its owner signs in from elsewhere", async () => {
    const owner = await staffMember();
    const bystander = await staffMember();
    const stranger = newAddress();
    for (let guess = 0; guess < SIGN_IN_FAILURES_ALLOWED; guess++) {
      expect(await attempt(owner.email, `guess ${guess}`, stranger)).toEqual({ kind: "wrong" });
    }
    const locked = await attempt(owner.email.toUpperCase(), "right password", stranger);
    expect(locked).toMatchObject({ kind: "refused", code: expect.stringMatching(/^account:\d+$/) });
    if (locked.kind === "refused")
      expect(signInErrorMessage(locked.code)).toMatch(/^Too many failed sign-ins .* Try again in 15 min/);

    expect(await attempt(owner.email, "right password", newAddress())).toEqual({ kind: "signed-in", id: owner.id });
    expect(await attempt(bystander.email, "right password", stranger)).toEqual({ kind: "signed-in", id: bystander.id });
  });

  it("counts unknown emails like known ones", async () => {
    const stranger = newAddress();
    for (let guess = 0; guess < SIGN_IN_FAILURES_ALLOWED; guess++) {
      expect(await attempt("nobody@example.test", `guess ${guess}`, stranger)).toEqual({ kind: "wrong" });
    }
    expect(await attempt("nobody@example.test", "x", stranger)).toMatchObject({ kind: "refused" });
  });

  it("checks no more parallel guesses than the limit, and the right password among them resets nothing", async () => {
    const owner = await staffMember();
    const stranger = newAddress();
    let wrongChecked = 0;
    let signedIn = 0;
    // Waves of 30 wrong guesses with the right password in the middle, until
    // every attempt of a wave is refused by the lockout.
    for (let wave = 0; wave < 30; wave++) {
      const guesses = Array.from({ length: 31 }, (_, i) => (i === 15 ? "right password" : `guess ${wave}-${i}`));
      const outcomes = await Promise.all(guesses.map((password) => attempt(owner.email, password, stranger)));
      wrongChecked += outcomes.filter((o) => o.kind === "wrong").length;
      signedIn += outcomes.filter((o) => o.kind === "signed-in").length;
      if (outcomes.every((o) => o.kind === "refused" && o.code.startsWith("account:"))) break;
    }
    expect(wrongChecked).toBe(SIGN_IN_FAILURES_ALLOWED);
    expect(signedIn).toBeLessThanOrEqual(1);
    // Still locked for that address, right password or not.
    expect(await attempt(owner.email, "right password", stranger)).toMatchObject({ kind: "refused" });
    expect(await attempt(owner.email, "right password", newAddress())).toEqual({ kind: "signed-in", id: owner.id });
  });

  it("forgives a success its own attempt but not the failures before it", async () => {
    const user = await staffMember();
    const here = newAddress();
    for (let typo = 0; typo < SIGN_IN_FAILURES_ALLOWED - 1; typo++) await attempt(user.email, "typo", here);
    expect(await attempt(user.email, "right password", here)).toEqual({ kind: "signed-in", id: user.id });
    expect(await attempt(user.email, "right password", here)).toEqual({ kind: "signed-in", id: user.id });
    expect(await attempt(user.email, "typo", here)).toEqual({ kind: "wrong" });
    expect(await attempt(user.email, "right password", here)).toMatchObject({ kind: "refused" });
  });

  it("limits attempts from one address across every account", async () => {
    process.env.LIMIT_SIGN_INS_PER_ADDRESS = "5";
    await resetLimits();
    const user = await staffMember();
    const spray = newAddress();
    for (let i = 0; i < 5; i++)
      expect(await attempt(`someone-${i}@example.test`, "password1", spray)).toEqual({ kind: "wrong" });
    const refused = await attempt(user.email, "right password", spray);
    expect(refused).toMatchObject({ kind: "refused", code: expect.stringMatching(/^address:\d+$/) });
    expect(await attempt(user.email, "right password", newAddress())).toEqual({ kind: "signed-in", id: user.id });
  });

  it("refuses at once, with the time to wait, what would go beyond the hashes in flight", async () => {
    const user = await staffMember();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => attempt(`${randomUUID()}@example.test`, "password1", newAddress())),
    );
    const busy = outcomes.filter((o) => o.kind === "refused" && o.code.startsWith("busy:"));
    expect(busy.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.kind === "wrong").length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.kind === "wrong" || o.kind === "refused")).toHaveLength(20);
    if (busy[0]?.kind === "refused")
      expect(signInErrorMessage(busy[0].code)).toBe("Too many sign-in attempts right now. Try again in 1 s.");
    // Nothing waits behind the flood: the next attempt is checked.
    expect(await attempt(user.email, "right password", newAddress())).toEqual({ kind: "signed-in", id: user.id });
  });
});

describe("next-auth's redirects after sign-in", () => {
  it("stay on our origin and turn anything else, garbage included, into /", async () => {
    const redirect = authOptions().callbacks?.redirect as (params: { url: string; baseUrl: string }) => Promise<string>;
    const baseUrl = "http://localhost:3000";
    expect(await redirect({ url: "/dispatch", baseUrl })).toBe(`${baseUrl}/dispatch`);
    for (const url of ["http://localhost:3000.evil.example/", "javascript:alert(1)", "//evil.example", "http://[x"]) {
      expect(await redirect({ url, baseUrl }), url).toBe(`${baseUrl}/`);
    }
  });
});
