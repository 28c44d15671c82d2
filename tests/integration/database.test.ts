import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { GET as health } from "../../app/api/health/route.ts";
import { applyMigrations, readMigrations } from "../../prisma/apply-migrations.ts";

async function withDatabase(run: (url: string) => Promise<void>) {
  const server = inject("serverUrl");
  const name = `trio_migrate_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    await run(url.href);
  } finally {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

describe("migrations", () => {
  it("apply once, in order, and record themselves the way prisma migrate does", async () => {
    await withDatabase(async (url) => {
      const all = readMigrations().map((m) => m.name);
      const [first, second] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
      // Two servers starting at once: the advisory lock lets one do the work.
      expect([...first, ...second].sort()).toEqual([...all].sort());
      expect(await applyMigrations(url)).toEqual([]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const rows = await client.query(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      const tables = await client.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Message'`,
      );
      await client.end();
      expect(rows.rows.map((r) => r.migration_name)).toEqual(all);
      expect(rows.rows.map((r) => r.checksum)).toEqual(readMigrations().map((m) => m.checksum));
      expect(rows.rows.every((r) => r.finished_at instanceof Date)).toBe(true);
      expect(tables.rows[0].n).toBe(1);
    });
  });
});

describe("GET /api/health", () => {
  it("answers 503 when the database does not", async () => {
    const real = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://postgres:x@127.0.0.1:1/none";
    try {
      const response = await health();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ok: false, db: "down" });
    } finally {
      process.env.DATABASE_URL = real;
    }
    expect((await health()).status).toBe(200);
  });
});
