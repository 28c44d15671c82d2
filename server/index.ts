// Trio's one process: Next.js pages and routes plus the Socket.IO server on one
// port, over an embedded PostgreSQL unless DATABASE_URL points elsewhere.
import { createServer, type ServerResponse } from "node:http";
import next from "next";
import { stampRemoteAddress } from "@/lib/auth/client-address.ts";
import { replyAddressFor } from "@/lib/channels/email/reply-address.ts";
import { describeSenders, emailRepliesArrive, sendersFor } from "@/lib/channels/senders.ts";
import { disconnectDb, getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { applySecurityHeaders } from "@/lib/http/security-headers.ts";
import { endpointRuleOf, vapidKeysOf } from "@/lib/push/push-settings.ts";
import { publishDelivery, setRealtime } from "@/lib/realtime/broadcast.ts";
import { DEMO_COMPANY_SLUG, DEMO_PASSWORD, DEMO_STAFF } from "../prisma/seed/demo.ts";
import { demoLinkToPrint, prepareDemoData } from "./demo-data.ts";
import { startInboundMail } from "./mail/inbound-smtp.ts";
import { prepareDatabase } from "./prepare-database.ts";
import { createRealtimeServer } from "./realtime/create-realtime-server.ts";
import { loadOrCreateSecret, loadOrCreateVapidKeys } from "./secrets.ts";
import { addCleanup, handleSignals, shutDown, signalled, whileStarting } from "./shutdown.ts";
import { startCleanUp } from "./workers/clean-up-expired.ts";
import { startOutbox } from "./workers/deliver-notifications.ts";
import { startPushOutbox } from "./workers/deliver-pushes.ts";
import { startJourneyChecks } from "./workers/journey-checks.ts";

const log = (line: string) => console.log(`[trio] ${line}`);
const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

async function main() {
  const config = env();
  const dev = config.NODE_ENV !== "production";
  const port = config.PORT;

  process.env.NEXTAUTH_SECRET ??= loadOrCreateSecret(config.DATA_DIR);
  // next-auth builds its redirects from this; default to where we listen.
  process.env.NEXTAUTH_URL ??= config.APP_URL ?? `http://localhost:${port}`;
  const publicUrl = process.env.NEXTAUTH_URL;
  if (Boolean(config.VAPID_PUBLIC_KEY) !== Boolean(config.VAPID_PRIVATE_KEY)) {
    throw new Error("Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (a pair is then kept in DATA_DIR).");
  }
  if (!config.VAPID_PUBLIC_KEY) {
    const keys = loadOrCreateVapidKeys(config.DATA_DIR);
    process.env.VAPID_PUBLIC_KEY = keys.publicKey;
    process.env.VAPID_PRIVATE_KEY = keys.privateKey;
  }
  const vapid = vapidKeysOf(env());

  const database = await prepareDatabase(log);
  addCleanup(database.stop);
  addCleanup(disconnectDb);
  const db = getDb();
  addCleanup(startCleanUp(getDb, log));
  addCleanup(
    startJourneyChecks(
      getDb,
      {
        intervalMs: config.JOURNEY_CHECK_INTERVAL_MS,
        graceMinutes: config.LATE_GRACE_MINUTES,
        settleSeconds: config.ASSIGNMENT_SETTLE_SECONDS,
      },
      log,
    ),
  );
  for (const line of describeSenders(config)) log(line);
  if (config.INBOUND_SMTP_PORT !== undefined) {
    const inbound = await startInboundMail({ port: config.INBOUND_SMTP_PORT, host: config.HOST, db: getDb, log });
    addCleanup(inbound.stop);
    log(`Email replies are taken on ${config.HOST}:${inbound.port} (SMTP).`);
  }
  addCleanup(
    startOutbox(
      getDb,
      {
        intervalMs: config.NOTIFY_POLL_MS,
        messageDelaySeconds: config.MESSAGE_NOTIFY_DELAY_SECONDS,
        senders: sendersFor(config, getDb, config.APP_URL ?? publicUrl),
        smsCountryCode: config.SMS_COUNTRY_CODE,
        smsCountries: config.SMS_COUNTRIES?.split(","),
        maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
        retryBaseMs: config.NOTIFY_RETRY_BASE_MS,
        // As the SMS webhooks check signatures against: the address the operator set, before next-auth's.
        publicUrl: config.APP_URL ?? publicUrl,
        linkTtlDays: config.LINK_TTL_DAYS,
        onFinished: (notification) => publishDelivery(notification.jobId),
        replyAddress: emailRepliesArrive(config) ? replyAddressFor : undefined,
      },
      log,
    ),
  );
  if (vapid) {
    addCleanup(
      startPushOutbox(
        getDb,
        {
          intervalMs: config.NOTIFY_POLL_MS,
          messageDelaySeconds: config.PUSH_MESSAGE_DELAY_SECONDS,
          vapid,
          endpoints: endpointRuleOf(config),
          maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
          retryBaseMs: config.NOTIFY_RETRY_BASE_MS,
        },
        log,
      ),
    );
  }
  const demo = await prepareDemoData(db, { requested: config.SEED_DEMO, external: Boolean(config.DATABASE_URL) }, log);

  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port });
  await app.prepare();
  addCleanup(async () => app.close?.());
  const handle = app.getRequestHandler();
  const protections = { dev, https: publicUrl.startsWith("https:") };
  let proxyWarned = config.TRUST_PROXY > 0;
  const httpServer = createServer((request, response) => {
    stampRemoteAddress(request);
    if (!proxyWarned && request.headers["x-forwarded-for"]) {
      proxyWarned = true;
      log(
        "Requests come through a proxy (X-Forwarded-For), but TRUST_PROXY is not set: every client counts as the proxy's address in sign-in limits. Set TRUST_PROXY to the number of proxies.",
      );
    }
    applySecurityHeaders(request, response, protections);
    if (hasUndecodablePath(request.url)) return answerBadPath(response);
    void handle(request, response);
  });
  // Only a public address the operator set is enforced; without one, the host a page was reached at.
  const io = createRealtimeServer(httpServer, { db: getDb, appUrl: config.APP_URL, dev });
  setRealtime(io);
  addCleanup(async () => {
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
    log(`Request page: ${new URL(`/r/${DEMO_COMPANY_SLUG}`, publicUrl).href}`);
    if (!LOOPBACK.has(config.HOST)) {
      log(`Warning: HOST=${config.HOST} lets other machines sign in with the published demo password.`);
    } else if (config.APP_URL && !LOOPBACK.has(new URL(config.APP_URL).hostname.replace(/^\[|\]$/g, ""))) {
      log(
        `Warning: APP_URL=${config.APP_URL} serves the demo accounts and their published password to whoever reaches it.`,
      );
    }
  }
}

/** Next answers a path it can't percent-decode (`/j/%E0%A4%A`) with a bare 500. */
function hasUndecodablePath(url = "/"): boolean {
  try {
    decodeURIComponent(url.split("?")[0] ?? "");
    return false;
  } catch {
    return true;
  }
}

function answerBadPath(response: ServerResponse) {
  response.writeHead(400, { "content-type": "application/json" });
  response.end(JSON.stringify({ error: { code: "bad_request", message: "That address is not valid." } }));
}

handleSignals();
// A signal that came while this module loaded (under server/start.ts) means: don't start.
if (!signalled() && !(await whileStarting(main()))) shutDown(1);
