import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

// These machines cannot download Prisma's native schema engine. `prisma generate`
// only parses the schema, and pointing the engine variable at any existing file
// stops the CLI from trying the download (see ../shared/stack-notes.md).
// Migrations are applied by prisma/apply-migrations.ts and authored by
// prisma/new-migration.ts, neither of which needs the native engine.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && !existsSync("node_modules/@prisma/engines/schema-engine")) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = "package.json";
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
