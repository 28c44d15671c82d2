// Demo data at start: which databases get it, and the one demo homeowner link
// that every start prints (the same one again while it is live).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client.ts";
import { demoHomeownerLink, isSeeded, seedDemo } from "../prisma/seed/demo.ts";

/** Beside the generated auth secret: the raw token of the printed demo link (the database keeps only its hash). */
const LINK_FILE = "demo-homeowner-link";

export type DemoPolicy = {
  /** SEED_DEMO as set, or undefined when unset. */
  requested: boolean | undefined;
  /** DATABASE_URL was set: a database someone else runs, maybe holding real work. */
  external: boolean;
};

/**
 * Demo staff sign in with a published password, so demo data goes only where
 * it is asked for: the embedded default, or SEED_DEMO=true.
 */
export function wantsDemoData({ requested, external }: DemoPolicy): boolean {
  return requested ?? !external;
}

/** Seeds an empty database when the policy wants demo data; says whether demo sign-ins apply. */
export async function prepareDemoData(db: PrismaClient, policy: DemoPolicy, log: (line: string) => void) {
  if (!wantsDemoData(policy)) {
    if (policy.external && policy.requested === undefined) {
      log("DATABASE_URL is set: no demo data. To add it to an empty database, start once with SEED_DEMO=true.");
    }
    return false;
  }
  if (!(await isSeeded(db))) {
    log("Empty database: adding demo data …");
    await seedDemo(db);
  }
  return true;
}

/** The demo homeowner link to print: the last one while it is live, so restarts don't multiply links. */
export async function demoLinkToPrint(db: PrismaClient, dataDir: string, ttlDays: number) {
  const file = path.resolve(dataDir, LINK_FILE);
  const known = existsSync(file) ? readFileSync(file, "utf8").trim() : null;
  const link = await demoHomeownerLink(db, ttlDays, known);
  if (link && !link.reused) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, link.token, { mode: 0o600 });
  }
  return link;
}
