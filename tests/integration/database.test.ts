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

describe("the public_progress migration", () => {
  it("backfills each job's newest public entry from the data already there", async () => {
    await withDatabase(async (url) => {
      const migrations = readMigrations();
      const index = migrations.findIndex((m) => m.name.endsWith("_public_progress"));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const migration of migrations.slice(0, index)) await client.query(migration.sql);
        await client.query(`
          INSERT INTO "Company" (id, name, slug) VALUES ('00000000-0000-4000-8000-000000000001', 'Co', 'co');
          INSERT INTO "Customer" (id, "companyId", name)
            VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Pat');
          INSERT INTO "Job" (id, "companyId", number, "customerId", title, "lastSeq", "updatedAt", "createdAt")
            VALUES ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', 1,
                    '00000000-0000-4000-8000-000000000002', 'With messages', 3, now(), '2026-01-01T00:00:00Z'),
                   ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000001', 2,
                    '00000000-0000-4000-8000-000000000002', 'Quiet', 0, now(), '2026-01-02T00:00:00Z');
          INSERT INTO "Message" (id, "jobId", seq, "clientId", visibility, body, "createdAt") VALUES
            (gen_random_uuid(), '00000000-0000-4000-8000-000000000003', 1, 'a-000001', 'EVERYONE', 'hi', '2026-01-01T10:00:00Z'),
            (gen_random_uuid(), '00000000-0000-4000-8000-000000000003', 2, 'a-000002', 'EVERYONE', 'hello', '2026-01-01T11:00:00Z'),
            (gen_random_uuid(), '00000000-0000-4000-8000-000000000003', 3, 'a-000003', 'STAFF', 'note', '2026-01-01T12:00:00Z');
        `);
        await client.query(migrations[index]?.sql as string);
        const jobs = await client.query(
          `SELECT title, "lastPublicSeq", "publicUpdatedAt"::text AS at FROM "Job" ORDER BY number`,
        );
        expect(jobs.rows.map((r) => [r.title, r.lastPublicSeq, r.at])).toEqual([
          ["With messages", 2, "2026-01-01 11:00:00"],
          ["Quiet", 0, "2026-01-02 00:00:00"],
        ]);
      } finally {
        await client.end();
      }
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
