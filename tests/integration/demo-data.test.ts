// Which databases get demo data (staff with a published password), and the
// demo homeowner link a restart prints again instead of making another.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findUsableLink, revokeAccessLink } from "../../lib/auth/access-links.ts";
import { hashToken } from "../../lib/auth/tokens.ts";
import { getDb } from "../../lib/db.ts";
import { DEMO_COMPANY_SLUG } from "../../prisma/seed/demo.ts";
import { demoLinkToPrint, prepareDemoData, wantsDemoData } from "../../server/demo-data.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "trio-demo-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const liveDemoLinks = () =>
  getDb().accessLink.count({
    where: { job: { company: { slug: DEMO_COMPANY_SLUG } }, revokedAt: null, expiresAt: { gt: new Date() } },
  });

describe("demo data at start", () => {
  it("goes into the embedded default, or wherever SEED_DEMO=true asks; never silently into DATABASE_URL", () => {
    expect(wantsDemoData({ requested: undefined, external: false })).toBe(true);
    expect(wantsDemoData({ requested: undefined, external: true })).toBe(false);
    expect(wantsDemoData({ requested: true, external: true })).toBe(true);
    expect(wantsDemoData({ requested: false, external: false })).toBe(false);
  });

  it("an external database is left empty, and the log says how to seed it", async () => {
    const lines: string[] = [];
    const demo = await prepareDemoData(getDb(), { requested: undefined, external: true }, (line) => lines.push(line));
    expect(demo).toBe(false);
    expect(await getDb().company.count()).toBe(0);
    expect(await getDb().user.count()).toBe(0);
    expect(lines.join("\n")).toContain("SEED_DEMO=true");
  });

  it("SEED_DEMO=false leaves even the embedded default empty", async () => {
    expect(await prepareDemoData(getDb(), { requested: false, external: false }, () => {})).toBe(false);
    expect(await getDb().company.count()).toBe(0);
  });

  it("SEED_DEMO=true seeds an empty database once, however often Trio starts", async () => {
    const policy = { requested: true, external: true };
    expect(await prepareDemoData(getDb(), policy, () => {})).toBe(true);
    const companies = await getDb().company.count();
    const users = await getDb().user.count();
    expect(companies).toBeGreaterThan(0);
    expect(await prepareDemoData(getDb(), policy, () => {})).toBe(true);
    expect(await getDb().company.count()).toBe(companies);
    expect(await getDb().user.count()).toBe(users);
  });

  it("every start prints the same live demo link, and a new one only once it was turned off", async () => {
    const first = await demoLinkToPrint(getDb(), dataDir, 30);
    const again = await demoLinkToPrint(getDb(), dataDir, 30);
    expect(first).not.toBeNull();
    expect(again?.path).toBe(first?.path);
    expect(await liveDemoLinks()).toBe(1);
    await expect(findUsableLink(getDb(), first?.token ?? "")).resolves.toBeTruthy();

    const stored = await getDb().accessLink.findUniqueOrThrow({ where: { tokenHash: hashToken(first?.token ?? "") } });
    await revokeAccessLink(getDb(), stored.id);
    const replaced = await demoLinkToPrint(getDb(), dataDir, 30);
    expect(replaced?.path).not.toBe(first?.path);
    expect(await liveDemoLinks()).toBe(1);
    expect((await demoLinkToPrint(getDb(), dataDir, 30))?.path).toBe(replaced?.path);
  });
});
