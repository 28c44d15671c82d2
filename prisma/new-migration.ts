// Authors a new migration: `npm run migration:new -- <name> [--from <git revision>]`.
//
// Prisma's CLI (`prisma migrate dev`) needs a native engine these machines cannot
// download, so this script drives Prisma's own schema engine compiled to WASM:
// it diffs the schema as last committed (git HEAD, or the revision given with
// --from when the schema change is already committed) against the working schema and
// writes the SQL to prisma/migrations/<timestamp>_<name>/migration.sql, exactly
// where `prisma migrate` would. With no migrations yet it diffs from empty.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../server/embedded-postgres.ts";
import { diffSchemas, SCHEMA_PATH } from "./schema-diff.ts";

let stopDatabase = async () => {};

const MIGRATIONS_DIR = "prisma/migrations";

async function throwawayDatabase(): Promise<string> {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "trio-migration-")), "pg");
  const database = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  process.on("exit", () => rmSync(path.dirname(dataDir), { recursive: true, force: true }));
  stopDatabase = database.stop;
  return database.url;
}

function committedSchema(revision: string): string | null {
  const hasMigrations = existsSync(MIGRATIONS_DIR) && readdirSync(MIGRATIONS_DIR).some((entry) => /^\d+_/.test(entry));
  if (!hasMigrations) return null;
  try {
    return execFileSync("git", ["show", `${revision}:${SCHEMA_PATH}`], { encoding: "utf8", stdio: "pipe" });
  } catch {
    throw new Error(`Could not read ${SCHEMA_PATH} at ${revision}. Commit the schema of the previous migration first.`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  const fromAt = args.indexOf("--from");
  const revision = fromAt >= 0 ? (args.splice(fromAt, 2)[1] ?? "") : "HEAD";
  const name = (args[0] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!name || !revision) {
    console.error("Usage: npm run migration:new -- <name> [--from <git revision>]");
    process.exit(1);
  }
  // The engine connects to a database when it starts: DATABASE_URL's or a throwaway one.
  const connectionString = process.env.DATABASE_URL ?? (await throwawayDatabase());
  const sql = await diffSchemas(committedSchema(revision), readFileSync(SCHEMA_PATH, "utf8"), connectionString);
  if (!sql) {
    console.log(`The schema has not changed since ${revision}: no migration written.`);
    await stopDatabase();
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), `${sql}\n`);
  if (!existsSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"))) {
    writeFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
  }
  console.log(`Wrote ${folder}/migration.sql`);
  await stopDatabase();
  // The engine leaves timers behind; nothing else is pending.
  process.exit(0);
}

await main();
