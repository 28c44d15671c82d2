// One PostgreSQL for the whole run: DATABASE_URL's server when set, otherwise
// an embedded one in a throwaway directory. Migrations go into a template
// database once; every test file then gets its own copy (file-database.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../prisma/apply-migrations.ts";
import { startEmbeddedPostgres } from "../../server/embedded-postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  let stop = async () => {};
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), "trio-test-"));
    const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true });
    serverUrl = database.url;
    stop = async () => {
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const templateDatabase = `trio_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${templateDatabase}`;
  await applyMigrations(templateUrl.href);

  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await stop();
  };
}
