// Authors a new migration: `npm run migration:new -- <name>`.
//
// Prisma's CLI (`prisma migrate dev`) needs a native engine these machines cannot
// download, so this script drives Prisma's own schema engine compiled to WASM:
// it diffs the schema as last committed (git HEAD) against the working schema and
// writes the SQL to prisma/migrations/<timestamp>_<name>/migration.sql, exactly
// where `prisma migrate` would. With no migrations yet it diffs from empty.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { startEmbeddedPostgres } from "../server/embedded-postgres.ts";

let stopDatabase = async () => {};

const SCHEMA_PATH = "prisma/schema.prisma";
const MIGRATIONS_DIR = "prisma/migrations";

type DiffTarget = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };
type Engine = {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
};
type Glue = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (options: object, log: (line: string) => void, adapter: object) => Promise<Engine> };
};

async function loadEngine(): Promise<Engine> {
  // The WASM engine reports panics through this global.
  const registry = {
    message: "",
    set_message(value: string) {
      this.message = value;
    },
  };
  Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: registry });
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const glue = (await import(path.join(dir, "schema_engine_bg.js"))) as Glue;
  const { instance } = await WebAssembly.instantiate(await readFile(path.join(dir, "schema_engine_bg.wasm")), {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  // Diffing two schemas reads no data, but the engine connects to a database
  // when it starts: give it DATABASE_URL or a throwaway embedded one.
  const connectionString = process.env.DATABASE_URL ?? (await throwawayDatabase());
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  return glue.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
}

async function throwawayDatabase(): Promise<string> {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "trio-migration-")), "pg");
  const database = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  process.on("exit", () => rmSync(path.dirname(dataDir), { recursive: true, force: true }));
  stopDatabase = database.stop;
  return database.url;
}

function committedSchema(): string | null {
  const hasMigrations = existsSync(MIGRATIONS_DIR) && readdirSync(MIGRATIONS_DIR).some((entry) => /^\d+_/.test(entry));
  if (!hasMigrations) return null;
  try {
    return execFileSync("git", ["show", `HEAD:${SCHEMA_PATH}`], { encoding: "utf8" });
  } catch {
    throw new Error(`Could not read ${SCHEMA_PATH} at git HEAD. Commit the schema of the previous migration first.`);
  }
}

async function main() {
  const name = (process.argv[2] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!name) {
    console.error("Usage: npm run migration:new -- <name>");
    process.exit(1);
  }
  const engine = await loadEngine();
  const before = committedSchema();
  const { stdout } = await engine.diff({
    from:
      before === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: before }] },
    to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (stdout ?? "").trim();
  if (!sql || sql === "-- This is an empty migration.") {
    console.log("The schema has not changed since git HEAD: no migration written.");
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
