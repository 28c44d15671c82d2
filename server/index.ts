// Trio's one process: Next.js pages and routes plus the Socket.IO server on one
// port, over an embedded PostgreSQL unless DATABASE_URL points elsewhere.
import { createServer } from "node:http";
import next from "next";
import { disconnectDb, getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { setRealtime } from "@/lib/realtime/broadcast.ts";
import { DEMO_PASSWORD, DEMO_STAFF } from "../prisma/seed/demo.ts";
import { demoLinkToPrint, prepareDemoData } from "./demo-data.ts";
import { prepareDatabase } from "./prepare-database.ts";
import { createRealtimeServer } from "./realtime/create-realtime-server.ts";
import { loadOrCreateSecret } from "./secrets.ts";
import { startCleanUp } from "./workers/clean-up-expired.ts";

const log = (line: string) => console.log(`[trio] ${line}`);
const cleanups: (() => Promise<unknown>)[] = [];
const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

async function main() {
  const config = env();
  const dev = config.NODE_ENV !== "production";
  const port = config.PORT;

  process.env.NEXTAUTH_SECRET ??= loadOrCreateSecret(config.DATA_DIR);
  // next-auth builds its redirects from this; default to where we listen.
  process.env.NEXTAUTH_URL ??= config.APP_URL ?? `http://localhost:${port}`;
  const publicUrl = process.env.NEXTAUTH_URL;

  const database = await prepareDatabase(log);
  cleanups.push(database.stop, disconnectDb);
  const db = getDb();
  const stopCleanUp = startCleanUp(getDb, log);
  cleanups.push(async () => stopCleanUp());
  const demo = await prepareDemoData(db, { requested: config.SEED_DEMO, external: Boolean(config.DATABASE_URL) }, log);

  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port });
  await app.prepare();
  cleanups.push(async () => app.close?.());
  const handle = app.getRequestHandler();
  const httpServer = createServer((request, response) => {
    void handle(request, response);
  });
  const io = createRealtimeServer(httpServer, { db: getDb, appUrl: publicUrl });
  setRealtime(io);
  cleanups.push(async () => {
    setRealtime(undefined);
    await new Promise<void>((resolve) => io.close(() => resolve()));
    httpServer.closeAllConnections();
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE" ? new Error(`Port ${port} is already in use. Set PORT to a free port.`) : error,
      ),
    );
    httpServer.listen(port, config.HOST, resolve);
  });
  log(`Trio is running at ${publicUrl} (${dev ? "development" : "production"})`);
  if (LOOPBACK.has(config.HOST)) log(`Listening on ${config.HOST} only: set HOST=0.0.0.0 to accept other machines.`);

  const demoLink = demo ? await demoLinkToPrint(db, config.DATA_DIR, config.LINK_TTL_DAYS) : null;
  if (demoLink) {
    log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const person of DEMO_STAFF) log(`  ${person.role.toLowerCase().padEnd(10)}  ${person.email}`);
    log(`Demo homeowner link: ${new URL(demoLink.path, publicUrl).href}`);
  }
}

/** Undo what was started, newest first (web server, then database client, then database). */
async function stop(code: number) {
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error("[trio]", error));
  if (code === 0) log("Stopped.");
  process.exit(code);
}

// A signal during start-up waits for it to settle (up to a bound), so nothing
// it was starting, such as the embedded database, is left running.
const STARTUP_WAIT_MS = 30_000;
const started = main().then(
  () => true,
  (error: unknown) => {
    console.error(`[trio] Could not start: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  },
);

let stopping = false;
function shutDown(code: number) {
  if (stopping) return;
  stopping = true;
  void stop(code);
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    log(`${signal}: shutting down …`);
    const waited = new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STARTUP_WAIT_MS).unref());
    void Promise.race([started, waited]).then((ok) => shutDown(ok ? 0 : 1));
  });
}

if (!(await started)) shutDown(1);
