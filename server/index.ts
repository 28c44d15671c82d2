// Trio's one process: Next.js pages and routes plus the Socket.IO server on one
// port, over an embedded PostgreSQL unless DATABASE_URL points elsewhere.
import { createServer } from "node:http";
import next from "next";
import { stampRemoteAddress } from "@/lib/auth/client-address.ts";
import { disconnectDb, getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { applySecurityHeaders } from "@/lib/http/security-headers.ts";
import { setRealtime } from "@/lib/realtime/broadcast.ts";
import { DEMO_PASSWORD, DEMO_STAFF, demoHomeownerLink, isSeeded, seedDemo } from "../prisma/seed/demo.ts";
import { prepareDatabase } from "./prepare-database.ts";
import { createRealtimeServer } from "./realtime/create-realtime-server.ts";
import { loadOrCreateSecret } from "./secrets.ts";

const log = (line: string) => console.log(`[trio] ${line}`);
const cleanups: (() => Promise<unknown>)[] = [];

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
  if (config.SEED_DEMO && !(await isSeeded(db))) {
    log("Empty database: adding demo data …");
    await seedDemo(db);
  }

  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port });
  await app.prepare();
  cleanups.push(async () => app.close?.());
  const handle = app.getRequestHandler();
  const protections = { dev, https: publicUrl.startsWith("https:") };
  const httpServer = createServer((request, response) => {
    stampRemoteAddress(request);
    applySecurityHeaders(request, response, protections);
    void handle(request, response);
  });
  const io = createRealtimeServer(httpServer, { db: getDb, appUrl: publicUrl, dev });
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

  const demoLink = config.SEED_DEMO ? await demoHomeownerLink(db, config.LINK_TTL_DAYS) : null;
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

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down …`);
    void stop(0);
  });
}

try {
  await main();
} catch (error) {
  console.error(`[trio] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  stopping = true;
  await stop(1);
}
