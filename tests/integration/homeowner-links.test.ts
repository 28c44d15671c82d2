import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GET as openLinkRoute } from "../../app/j/[token]/route.ts";
import LinkProblemPage from "../../app/link-problem/page.tsx";
import { createAccessLink, revokeAccessLink } from "../../lib/auth/access-links.ts";
import { HOMEOWNER_COOKIE, parseCookieHeader } from "../../lib/auth/cookies.ts";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { hashToken } from "../../lib/auth/tokens.ts";
import { getDb } from "../../lib/db.ts";
import { createCompany, createCustomer, createJob } from "../../prisma/seed/factories.ts";

async function jobWithLink(ttlDays = 30) {
  const db = getDb();
  const company = await createCompany(db, { name: "Linkco" });
  const customer = await createCustomer(db, { companyId: company.id, name: "Robin Home" });
  const job = await createJob(db, { companyId: company.id, customerId: customer.id });
  return { job, link: await createAccessLink(db, job.id, ttlDays) };
}

const open = (token: string) =>
  openLinkRoute(new Request(`http://localhost:3000/j/${token}`), { params: Promise.resolve({ token }) });

/** What the homeowner reads on the page a refused link redirects to. */
async function problemPageText(location: string | null) {
  const url = new URL(location ?? "");
  expect(url.pathname).toBe("/link-problem");
  const page = await LinkProblemPage({ searchParams: Promise.resolve(Object.fromEntries(url.searchParams)) });
  return renderToStaticMarkup(page).replace(/<[^>]+>/g, " ");
}

const sessionCookieOf = (response: Response) => {
  const header = response.headers.get("set-cookie") ?? "";
  return header.split(";")[0] ?? "";
};

describe("homeowner links", () => {
  it("are 256-bit random tokens stored only as a hash", async () => {
    const { link } = await jobWithLink();
    expect(Buffer.from(link.token, "base64url")).toHaveLength(32);
    const stored = await getDb().accessLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.tokenHash).toBe(hashToken(link.token));
    expect(JSON.stringify(stored)).not.toContain(link.token);
  });

  it("open into a homeowner session and land on the thread", async () => {
    const { job, link } = await jobWithLink();
    const response = await open(link.token);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/jobs/${job.id}`);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${HOMEOWNER_COOKIE.replace(".", "\\.")}=`));
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    const actor = await resolveActor(getDb(), parseCookieHeader(sessionCookieOf(response)));
    expect(actor).toMatchObject({ kind: "homeowner", jobId: job.id, name: "Robin Home" });
  });

  it("survive a link scanner's GET: the homeowner's own click still works", async () => {
    const { job, link } = await jobWithLink();
    const scanner = await open(link.token);
    expect(scanner.status).toBe(303);
    const person = await open(link.token);
    expect(person.headers.get("location")).toContain(`/jobs/${job.id}`);
    expect(await resolveActor(getDb(), parseCookieHeader(sessionCookieOf(person)))).not.toBeNull();
  });

  it("turned off: the link no longer opens and sessions it made end at once", async () => {
    const { link } = await jobWithLink();
    const session = sessionCookieOf(await open(link.token));
    await revokeAccessLink(getDb(), link.id);
    const again = await open(link.token);
    expect(await problemPageText(again.headers.get("location"))).toContain(
      "This link was turned off. Ask Linkco for a new one.",
    );
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(await resolveActor(getDb(), parseCookieHeader(session))).toBeNull();
  });

  it("expired: the link explains itself and sessions end", async () => {
    const { link } = await jobWithLink();
    const session = sessionCookieOf(await open(link.token));
    await getDb().accessLink.update({ where: { id: link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const again = await open(link.token);
    expect(await problemPageText(again.headers.get("location"))).toContain(
      "This link has expired. Ask Linkco for a new one.",
    );
    expect(await resolveActor(getDb(), parseCookieHeader(session))).toBeNull();
  });

  it("unknown or malformed tokens get the same 'not valid' page and no cookie", async () => {
    for (const token of ["x".repeat(43), "short", "../../etc/passwd"]) {
      const response = await open(token);
      expect(await problemPageText(response.headers.get("location"))).toContain("This link is not valid.");
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });

  it("a homeowner signed out of a page reads that the link lets them back in", async () => {
    const text = await problemPageText("http://localhost:3000/link-problem?reason=signed_out");
    expect(text).toContain("This page was signed out. Open the link you were sent again to continue.");
    expect(text).not.toContain("expired");
    expect(text).not.toContain("Sign in");
  });

  it("put no text of the URL's on the problem page", async () => {
    const text = await problemPageText(
      "http://localhost:3000/link-problem?reason=expired&message=Call+1-900-SCAM&company=Call+1-900-SCAM",
    );
    expect(text).not.toContain("1-900");
    expect(text).toContain("This link has expired. Ask your service company for a new one.");
  });
});
