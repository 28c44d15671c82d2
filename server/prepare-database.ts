import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env.ts";
import { applyMigrations } from "../prisma/apply-migrations.ts";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./embedded-postgres.ts";

/**
 * One server per data directory: a second one would stop the first one's
 * database, taking it for an orphan left by a crash.
 */
function claimDataDir(dir: string) {
  const pidFile = path.join(dir, "trio.pid");
  mkdirSync(dir, { recursive: true });
  const other = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8")) : 0;
  if (other > 0 && other !== process.pid && isAlive(other)) {
    throw new Error(
      `Another Trio (pid ${other}) is already running with DATA_DIR=${dir}. Stop it first, or set DATA_DIR.`,
    );
  }
  writeFileSync(pidFile, String(process.pid));
  process.on("exit", () => {
    if (existsSync(pidFile) && Number(readFileSync(pidFile, "utf8")) === process.pid) rmSync(pidFile);
  });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * DATABASE_URL if set; otherwise an embedded PostgreSQL under DATA_DIR. Either
 * way, pending migrations are applied before anything else touches it.
 */
export async function prepareDatabase(log: (line: string) => void) {
  const config = env();
  let embedded: EmbeddedDatabase | null = null;
  let url = config.DATABASE_URL;
  if (!url) {
    const dataDir = path.resolve(config.DATA_DIR, "pg");
    claimDataDir(path.resolve(config.DATA_DIR));
    log(`Starting embedded PostgreSQL (data in ${dataDir}) …`);
    embedded = await startEmbeddedPostgres({ dataDir });
    url = embedded.url;
    process.env.DATABASE_URL = url;
  }
  const applied = await applyMigrations(url);
  if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
  return { url, stop: async () => embedded?.stop() };
}
