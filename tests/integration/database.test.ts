import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { GET as health } from "../../app/api/health/route.ts";
import { applyMigrations, readMigrations } from "../../prisma/apply-migrations.ts";
import { diffSchemas, SCHEMA_PATH } from "../../prisma/schema-diff.ts";

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

/** Everything about a database's shape that a schema decides, in a comparable form. */
async function shapeOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows = async (sql: string) => (await client.query(sql)).rows;
  try {
    return {
      columns: await rows(`
        SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`),
      indexes: await rows(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`),
      constraints: await rows(`
        SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS definition
        FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
        ORDER BY 1, 2`),
      enums: await rows(`
        SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY 1 ORDER BY 1`),
    };
  } finally {
    await client.end();
  }
}

describe("prisma/schema.prisma and prisma/migrations", () => {
  it("describe the same database (a schema change needs `npm run migration:new`)", async () => {
    await withDatabase(async (migrated) => {
      await applyMigrations(migrated);
      await withDatabase(async (fromSchema) => {
        const sql = await diffSchemas(null, readFileSync(SCHEMA_PATH, "utf8"), fromSchema);
        const client = new pg.Client({ connectionString: fromSchema });
        await client.connect();
        await client.query(sql).finally(() => client.end());
        const [expected, actual] = [await shapeOf(fromSchema), await shapeOf(migrated)];
        expect(expected.columns.length).toBeGreaterThan(40);
        expect(actual).toEqual(expected);
      });
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
