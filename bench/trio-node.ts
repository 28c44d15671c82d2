// A Trio node for the bench, as its own process: Trio's real socket path
// (createRealtimeServer over lib/, Prisma, PostgreSQL) on a plain HTTP server.
// Next.js is left out: it serves pages and routes, never a socket event.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { disconnectDb, getDb } from "../lib/db.ts";
import { setRealtime } from "../lib/realtime/broadcast.ts";
import { applyMigrations } from "../prisma/apply-migrations.ts";
import { createRealtimeServer } from "../server/realtime/create-realtime-server.ts";
import { announce, serve } from "./ipc.ts";
import { BENCH_APP_URL, memoryNow, type ServerApi, type TrioReady } from "./nodes/api.ts";
import { startBenchDatabase } from "./nodes/bench-database.ts";
import { seedWorld } from "./nodes/seed-world.ts";

const configSchema = z.object({
  jobs: z.number().int().min(1),
  companies: z.number().int().min(1),
  boardsPerCompany: z.number().int().min(0),
  serverUrl: z.string().optional(),
  durable: z.boolean(),
});
export type TrioNodeConfig = z.infer<typeof configSchema>;

const config = configSchema.parse(JSON.parse(process.env.BENCH_TRIO_NODE ?? "null"));
const secret = process.env.NEXTAUTH_SECRET;
if (!secret) throw new Error("NEXTAUTH_SECRET must be set");

const database = await startBenchDatabase({ serverUrl: config.serverUrl, durable: config.durable });
process.env.DATABASE_URL = database.url;
let world: Awaited<ReturnType<typeof seedWorld>>;
try {
  await applyMigrations(database.url);
  world = await seedWorld(getDb(), config, secret);
} catch (error) {
  // Leave no PostgreSQL (or database) behind.
  await disconnectDb();
  await database.stop();
  throw error;
}

const http = createServer();
const io = createRealtimeServer(http, { db: getDb, appUrl: BENCH_APP_URL });
setRealtime(io);
await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));

let stopping: Promise<void> | undefined;
const stop = () => {
  stopping ??= (async () => {
    setRealtime(undefined);
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await disconnectDb();
    await database.stop();
  })();
  return stopping;
};
// The orchestrator disconnects to stop us; Ctrl-C reaches the whole process group.
for (const event of ["disconnect", "SIGINT", "SIGTERM"] as const) {
  process.once(event, () => void stop().then(() => process.exit(0)));
}

serve<ServerApi>({
  memory: async () => memoryNow(),
  stored: async () => getDb().message.count(),
});
announce({
  port: (http.address() as AddressInfo).port,
  postgresPid: database.postgresPid,
  world,
  database: database.label,
} satisfies TrioReady);
