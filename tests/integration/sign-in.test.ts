import { describe, expect, it } from "vitest";
import { authOptions } from "../../lib/auth/auth-options.ts";
import { TOO_MANY_SIGN_INS } from "../../lib/auth/sign-in-errors.ts";
import { SIGN_IN_FAILURES_ALLOWED } from "../../lib/auth/sign-in-limiter.ts";
import { getDb } from "../../lib/db.ts";
import { createCompany, createStaff } from "../../prisma/seed/factories.ts";

/** The credentials check next-auth runs when the sign-in form is submitted. */
function authorize(email: string, password: string) {
  const provider = authOptions().providers[0] as unknown as {
    options: { authorize: (credentials: Record<string, string>, request: unknown) => Promise<{ id: string } | null> };
  };
  return provider.options.authorize({ email, password }, {});
}

async function staffMember(password = "right password") {
  const company = await createCompany(getDb(), { name: "Lockco" });
  return createStaff(getDb(), { companyId: company.id, role: "DISPATCHER", password });
}

describe("staff sign-in", () => {
  it("accepts the right password, case-insensitively on the email, and nothing else", async () => {
    const user = await staffMember();
    expect(await authorize(user.email.toUpperCase(), "right password")).toMatchObject({ id: user.id });
    expect(await authorize(user.email, "wrong password")).toBeNull();
    expect(await authorize("nobody@example.test", "right password")).toBeNull();
    expect(await authorize("not an email", "x")).toBeNull();
  });

  it("locks an email after repeated failures, even for the right password, and leaves others alone", async () => {
    const victim = await staffMember();
    const bystander = await staffMember();
    for (let attempt = 0; attempt < SIGN_IN_FAILURES_ALLOWED; attempt++) {
      expect(await authorize(victim.email, `guess ${attempt}`)).toBeNull();
    }
    await expect(authorize(victim.email, "right password")).rejects.toThrow(TOO_MANY_SIGN_INS);
    await expect(authorize(victim.email.toUpperCase(), "right password")).rejects.toThrow(TOO_MANY_SIGN_INS);
    expect(await authorize(bystander.email, "right password")).toMatchObject({ id: bystander.id });
  });

  it("forgives earlier failures once the right password gets through", async () => {
    const user = await staffMember();
    for (let attempt = 0; attempt < SIGN_IN_FAILURES_ALLOWED - 1; attempt++) await authorize(user.email, "typo");
    expect(await authorize(user.email, "right password")).toMatchObject({ id: user.id });
    for (let attempt = 0; attempt < SIGN_IN_FAILURES_ALLOWED - 1; attempt++) await authorize(user.email, "typo");
    expect(await authorize(user.email, "right password")).toMatchObject({ id: user.id });
  });
});
