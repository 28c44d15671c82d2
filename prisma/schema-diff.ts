// Prisma's own schema engine, compiled to WASM, for what `prisma migrate diff`
// would do: the SQL that takes a database from one schema to another. Prisma's
// CLI needs a native engine these machines cannot download; this does not.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

export const SCHEMA_PATH = "prisma/schema.prisma";

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

/**
 * Diffing two schemas reads no data, but the engine connects to a database
 * when it starts: any PostgreSQL will do.
 */
async function loadEngine(connectionString: string): Promise<Engine> {
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
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  return glue.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
}

/** The SQL from one Prisma schema (null: an empty database) to another; "" when they agree. */
export async function diffSchemas(from: string | null, to: string, connectionString: string): Promise<string> {
  const engine = await loadEngine(connectionString);
  const target = (content: string): DiffTarget => ({ tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content }] });
  const { stdout } = await engine.diff({
    from: from === null ? { tag: "empty" } : target(from),
    to: target(to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (stdout ?? "").trim();
  return sql === "-- This is an empty migration." ? "" : sql;
}
