// The Trio node's database: a throwaway database on DATABASE_URL's server, or
// an embedded PostgreSQL in a throwaway directory. Gone after the run.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../server/embedded-postgres.ts";

export type BenchDatabase = {
  url: string;
  /** The postmaster's pid when it runs on this machine (its CPU is then measured), else null. */
  postgresPid: number | null;
  label: string;
  stop: () => Promise<void>;
};

function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return pid > 0 && existsSync(`/proc/${pid}/stat`) ? pid : null;
  } catch {
    return null;
  }
}

async function onServer(serverUrl: string): Promise<BenchDatabase> {
  const name = `trio_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  // Readable by superusers only; without it PostgreSQL's CPU is not measured.
  const found = await admin
    .query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'data_directory'")
    .catch(() => ({ rows: [] }));
  const dataDir = found.rows[0]?.setting;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    postgresPid: dataDir ? postmasterPid(dataDir) : null,
    label: `database ${name} on DATABASE_URL's server (CPU: the whole server)`,
    stop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end();
    },
  };
}

async function embedded(durable: boolean): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "trio-bench-"));
  const dataDir = path.join(dir, "pg");
  const database = await startEmbeddedPostgres({ dataDir, ephemeral: !durable });
  return {
    url: database.url,
    postgresPid: postmasterPid(dataDir),
    label: `embedded PostgreSQL${durable ? "" : " with fsync and synchronous_commit off"}`,
    stop: async () => {
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function startBenchDatabase(options: { serverUrl?: string; durable: boolean }): Promise<BenchDatabase> {
  return options.serverUrl ? onServer(options.serverUrl) : embedded(options.durable);
}
