// Each test file runs against its own fresh, migrated database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "../../lib/db.ts";

const name = `trio_test_${randomBytes(6).toString("hex")}`;
const serverUrl = inject("serverUrl");
const url = new URL(serverUrl);
url.pathname = `/${name}`;

process.env.DATABASE_URL = url.href;
process.env.NEXTAUTH_SECRET = "test-secret-that-is-long-enough-for-next-auth";
process.env.NEXTAUTH_URL = "http://localhost:3000";

async function admin<T>(run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`));
});

afterAll(async () => {
  await disconnectDb();
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});
