// `npm run migration:new` on these machines: Prisma's WASM schema engine
// diffs the committed schema against the working one and writes the SQL.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const project = mkdtempSync(path.join(tmpdir(), "trio-new-migration-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.test", ...args], { cwd: project });

function newMigration(...args: string[]) {
  const run = spawnSync(
    path.join(root, "node_modules/.bin/tsx"),
    [path.join(root, "prisma/new-migration.ts"), ...args],
    {
      cwd: project,
      env: process.env,
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const migrationFolders = () => readdirSync(path.join(project, "prisma/migrations")).filter((n) => /^\d+_/.test(n));

describe("npm run migration:new", () => {
  it("writes the SQL for a schema change, which then applies, and writes nothing when nothing changed", async () => {
    cpSync(path.join(root, "prisma/schema.prisma"), path.join(project, "prisma/schema.prisma"));
    cpSync(path.join(root, "prisma/migrations"), path.join(project, "prisma/migrations"), { recursive: true });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "schema as committed");
    const committed = migrationFolders();

    const unchanged = newMigration("nothing");
    expect(unchanged.status).toBe(0);
    expect(unchanged.output).toContain("has not changed");
    expect(migrationFolders()).toEqual(committed);

    const schemaPath = path.join(project, "prisma/schema.prisma");
    const schema = readFileSync(schemaPath, "utf8");
    writeFileSync(schemaPath, schema.replace(/(model Customer \{\n)/, "$1  notes String?\n"));
    const changed = newMigration("Add customer notes");
    expect(changed.status, changed.output).toBe(0);
    const added = migrationFolders().filter((name) => !committed.includes(name));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\d{14}_add_customer_notes$/);
    const sql = readFileSync(path.join(project, "prisma/migrations", added[0] as string, "migration.sql"), "utf8");
    expect(sql).toContain('ALTER TABLE "Customer" ADD COLUMN     "notes" TEXT');
    expect(sql).not.toMatch(/DROP|"Job"/);

    // The SQL is real: it applies to a database migrated to the committed schema.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql);
      await client.query(`UPDATE "Customer" SET notes = 'gate code 1234'`);
    } finally {
      await client.end();
    }

    // A schema change committed without its migration: --from names the schema to diff from.
    git("add", ".");
    git("commit", "-qm", "notes and their migration");
    writeFileSync(schemaPath, readFileSync(schemaPath, "utf8").replace(/(model Company \{\n)/, "$1  motto String?\n"));
    git("commit", "-qam", "motto, migration forgotten");
    expect(newMigration("motto").output).toContain("has not changed since HEAD");
    const late = newMigration("motto", "--from", "HEAD~1");
    expect(late.status, late.output).toBe(0);
    const written = migrationFolders().find((name) => name.endsWith("_motto")) as string;
    const mottoSql = readFileSync(path.join(project, "prisma/migrations", written, "migration.sql"), "utf8");
    expect(mottoSql).toContain('ALTER TABLE "Company" ADD COLUMN     "motto" TEXT');
    expect(mottoSql).not.toContain("notes");
  }, 180_000);
});
