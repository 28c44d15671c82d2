// Web Push to technicians: a local HTTP server stands in for the browser's
// push service, receives what the server sends, and the test decrypts it with
// the subscription's own private key (RFC 8291, http_ece), as the phone would.
import { createECDH, type ECDH, randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import ece from "http_ece";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import webPush from "web-push";
import { GET as keyRoute } from "../../app/api/push/key/route.ts";
import { POST as subscribeRoute, DELETE as unsubscribeRoute } from "../../app/api/push/subscriptions/route.ts";
import { revokeStaffSession } from "../../lib/auth/staff-sessions.ts";
import { getDb } from "../../lib/db.ts";
import { assignTechnician } from "../../lib/jobs/assign-technician.ts";
import { markRead } from "../../lib/messages/mark-read.ts";
import { sendMessage } from "../../lib/messages/send-message.ts";
import { queuePushNotices } from "../../lib/push/queue-push-notices.ts";
import type { PushPayload } from "../../lib/push/schemas.ts";
import { runPushOutbox } from "../../server/workers/deliver-pushes.ts";
import { buildWorld, type Person, type World } from "../support/world.ts";

type Received = { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer };

let server: Server;
let origin: string;
const received: Received[] = [];
/** Paths the stand-in answers 410 Gone for (the browser unsubscribed). */
const gonePaths = new Set<string>();
const vapid = { ...webPush.generateVAPIDKeys(), subject: "mailto:ops@trio.test" };
let world: World;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(gonePaths.has(path) ? 410 : 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.PUSH_ENDPOINT_HOSTS = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.PUSH_ALLOW_HTTP = "true";
  process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
  process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
});
afterAll(async () => {
  delete process.env.PUSH_ENDPOINT_HOSTS;
  delete process.env.PUSH_ALLOW_HTTP;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(async () => {
  await getDb().pushNotice.deleteMany();
  await getDb().pushSubscription.deleteMany();
  received.length = 0;
  gonePaths.clear();
  world = await buildWorld();
});

/** A browser's side of a subscription: its key pair and auth secret, as PushManager.subscribe makes them. */
type Browser = { ecdh: ECDH; auth: Buffer; json: { endpoint: string; keys: { p256dh: string; auth: string } } };

function newBrowser(endpoint = `${origin}/push/${randomUUID()}`): Browser {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    json: {
      endpoint,
      keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") },
    },
  };
}

const jsonRequest = (method: string, cookie: string, body: unknown) =>
  new Request("http://localhost:3000/api/push/subscriptions", {
    method,
    headers: { cookie, "content-type": "application/json", origin: "http://localhost:3000" },
    body: JSON.stringify(body),
  });
const noParams = { params: Promise.resolve({}) };

async function subscribe(person: Person, browser = newBrowser()) {
  const response = await subscribeRoute(jsonRequest("POST", person.cookie, browser.json), noParams);
  expect(response.status).toBe(201);
  return browser;
}

function decrypt(browser: Browser, push: Received): PushPayload {
  const plain = ece.decrypt(push.body, { version: "aes128gcm", privateKey: browser.ecdh, authSecret: browser.auth });
  return JSON.parse(plain.toString("utf8")) as PushPayload;
}

const pushesTo = (browser: Browser) => received.filter((push) => `${origin}${push.path}` === browser.json.endpoint);

const pass = (secondsFromNow = 60) =>
  runPushOutbox(getDb(), {
    vapid,
    endpoints: { hosts: [new URL(origin).host], allowHttp: true },
    maxAttempts: 3,
    retryBaseMs: 1000,
    intervalMs: 1000,
    messageDelaySeconds: 10,
    now: () => new Date(Date.now() + secondsFromNow * 1000),
  });

/** The database stamps a wait to the microsecond, this clock reads milliseconds: one passes before "now" is read. */
const aMillisecondLater = () => new Promise((resolve) => setTimeout(resolve, 2));

const say = (person: Person, body: string, visibility: "EVERYONE" | "STAFF" = "EVERYONE") =>
  sendMessage(getDb(), person.actor, { jobId: world.job.id, clientId: randomUUID(), body, visibility });

describe("push notifications", () => {
  it("gives the public key a browser subscribes with", async () => {
    const response = await keyRoute(new Request("http://localhost:3000/api/push/key"), noParams);
    expect(await response.json()).toEqual({ data: { publicKey: vapid.publicKey } });
  });

  it("pushes a homeowner's message to the assigned technician, encrypted for their browser, and never an internal note", async () => {
    const phone = await subscribe(world.technician);
    await say(world.dispatcher, "Gate code is 4411, keep it to staff", "STAFF");
    await say(world.homeowner, "The leak got worse, water under the sink");
    await pass();
    const [push, ...more] = pushesTo(phone);
    expect(more).toHaveLength(0);
    expect(String(push?.headers.authorization)).toContain(`k=${vapid.publicKey}`);
    expect(push?.headers["content-encoding"]).toBe("aes128gcm");
    const payload = decrypt(phone, push as Received);
    const job = await getDb().job.findUniqueOrThrow({ where: { id: world.job.id }, select: { number: true } });
    expect(payload).toEqual({
      title: `Jordan Home · job #${job.number}`,
      body: "“The leak got worse, water under the sink”",
      url: `/jobs/${world.job.id}`,
      tag: `job:${world.job.id}`,
    });
    expect(JSON.stringify(payload)).not.toContain("4411");
    // Nothing new: the next pass pushes nothing.
    await pass();
    expect(pushesTo(phone)).toHaveLength(1);
    const subscription = await getDb().pushSubscription.findFirstOrThrow({ where: { endpoint: phone.json.endpoint } });
    expect(subscription.lastSuccessAt).not.toBeNull();
  });

  it("internal notes and staff messages alone never push", async () => {
    const phone = await subscribe(world.technician);
    await say(world.dispatcher, "Bring the long ladder", "STAFF");
    await say(world.dispatcher, "We'll be there at 10");
    await pass();
    expect(pushesTo(phone)).toHaveLength(0);
  });

  it("a burst of homeowner messages is one push, sent once the homeowner has paused", async () => {
    const phone = await subscribe(world.technician);
    for (const text of ["Hello?", "Are you coming today?", "The water is off now", "Door code 12", "Call me"]) {
      await say(world.homeowner, text);
    }
    // Still writing (the newest message is seconds old): not yet.
    await pass(0);
    expect(pushesTo(phone)).toHaveLength(0);
    await pass();
    await pass();
    const pushes = pushesTo(phone);
    expect(pushes).toHaveLength(1);
    expect(decrypt(phone, pushes[0] as Received).body).toBe("5 new messages. Newest: “Call me”");
  });

  it("skips what the technician has already read", async () => {
    const phone = await subscribe(world.technician);
    const { message } = await say(world.homeowner, "I'm home now");
    await markRead(getDb(), world.technician.actor, world.job.id, message.seq);
    await pass();
    expect(pushesTo(phone)).toHaveLength(0);
  });

  it("tells a technician of a job newly given to them, and only them", async () => {
    const riley = await subscribe(world.otherTechnician);
    const sam = await subscribe(world.technician);
    await assignTechnician(getDb(), world.dispatcher.actor, {
      jobId: world.job.id,
      technicianId: world.otherTechnician.id,
    });
    await pass();
    await pass();
    expect(pushesTo(sam)).toHaveLength(0);
    const pushes = pushesTo(riley);
    expect(pushes).toHaveLength(1);
    const payload = decrypt(riley, pushes[0] as Received);
    expect(payload.title).toMatch(/^New job #\d+: /);
    expect(payload.url).toBe(`/jobs/${world.job.id}`);
  });

  it("a homeowner left waiting past the first-reply target: the technician's and the office's browsers hear it once per wait, nobody else's", async () => {
    // Due at once, and told from the real clock: each wait is told of once, after it began.
    await getDb().company.update({ where: { id: world.company.id }, data: { firstReplyMinutes: 0 } });
    const office = await subscribe(world.dispatcher);
    const sam = await subscribe(world.technician);
    const riley = await subscribe(world.otherTechnician);
    const told = (browser: Browser) =>
      pushesTo(browser)
        .map((push) => decrypt(browser, push))
        .filter((payload) => payload.title === "Jordan Home is waiting for an answer");

    await say(world.homeowner, "Hello? The water is rising.");
    await pass(0);
    await pass(0);
    for (const browser of [office, sam]) {
      expect(told(browser)).toHaveLength(1);
      expect(told(browser)[0]).toMatchObject({
        url: `/jobs/${world.job.id}`,
        body: expect.stringMatching(/^Waiting .* · job #\d+: /),
      });
    }
    expect(pushesTo(riley)).toHaveLength(0);

    // Answered, then a new wait: one more each.
    await say(world.dispatcher, "On our way.");
    await say(world.homeowner, "Thanks, one more thing.");
    await pass(0);
    await pass(0);
    expect(told(office)).toHaveLength(2);
    expect(told(sam)).toHaveLength(2);
    expect(pushesTo(riley)).toHaveLength(0);
  });

  it("a waiting alert queued but answered before it goes out is not sent", async () => {
    await getDb().company.update({ where: { id: world.company.id }, data: { firstReplyMinutes: 0 } });
    const office = await subscribe(world.dispatcher);
    await say(world.homeowner, "Anyone there?");
    await aMillisecondLater();
    expect(await queuePushNotices(getDb(), { delaySeconds: 10, now: new Date() })).toMatchObject({ waiting: 1 });
    await say(world.dispatcher, "Yes, reading now.");
    await pass(0);
    expect(pushesTo(office)).toHaveLength(0);
    expect(await getDb().pushNotice.findMany({ select: { kind: true, state: true, lastError: true } })).toEqual([
      { kind: "WAITING", state: "SKIPPED", lastError: "answered meanwhile" },
    ]);
  });

  it("an alert late for its wait (answered, then a new wait began) gives way to the new wait's own", async () => {
    await getDb().company.update({ where: { id: world.company.id }, data: { firstReplyMinutes: 0 } });
    const office = await subscribe(world.dispatcher);
    await say(world.homeowner, "Anyone there?");
    await aMillisecondLater();
    expect(await queuePushNotices(getDb(), { delaySeconds: 10, now: new Date() })).toMatchObject({ waiting: 1 });
    await say(world.dispatcher, "Yes!");
    await say(world.homeowner, "When do you come?");
    // A second ahead: the new wait (stamped by the database's clock, to the microsecond) is surely past its target.
    await pass(1);
    expect(pushesTo(office)).toHaveLength(1);
    const notices = await getDb().pushNotice.findMany({ orderBy: { createdAt: "asc" }, select: { state: true } });
    expect(notices.map((notice) => notice.state)).toEqual(["SKIPPED", "SENT"]);
  });

  it("the office hears only of the company it works in, and nobody of waits long past their target", async () => {
    await getDb().company.update({ where: { id: world.company.id }, data: { firstReplyMinutes: 0 } });
    // Another company's dispatcher, given a later membership here too, still acts for their own company.
    await getDb().membership.create({
      data: { userId: world.foreignDispatcher.id, companyId: world.company.id, role: "DISPATCHER" },
    });
    const foreign = await subscribe(world.foreignDispatcher);
    const office = await subscribe(world.dispatcher);
    await say(world.homeowner, "Hello?");
    // Two hours past its target: the board has shown it since; a phone that turns notifications on now hears nothing of it.
    await getDb().job.update({
      where: { id: world.job.id },
      data: { awaitingReplySince: new Date(Date.now() - 2 * 3_600_000) },
    });
    await pass(0);
    expect(pushesTo(office)).toHaveLength(0);
    await getDb().job.update({ where: { id: world.job.id }, data: { awaitingReplySince: new Date() } });
    await pass(0);
    expect(pushesTo(office)).toHaveLength(1);
    expect(pushesTo(foreign)).toHaveLength(0);
  });

  it("forgets a browser the push service says is gone (410)", async () => {
    const gone = await subscribe(world.technician);
    const kept = await subscribe(world.technician);
    gonePaths.add(new URL(gone.json.endpoint).pathname);
    await say(world.homeowner, "Anyone there?");
    await pass();
    expect(pushesTo(gone)).toHaveLength(1);
    expect(pushesTo(kept)).toHaveLength(1);
    const left = await getDb().pushSubscription.findMany({ where: { userId: world.technician.id } });
    expect(left.map((row) => row.endpoint)).toEqual([kept.json.endpoint]);
  });

  it("a shared phone: signing out silences it, and the next person to turn it on gets only their own jobs", async () => {
    const phone = await subscribe(world.technician);
    if (world.technician.actor.kind !== "staff") throw new Error("the technician is staff");
    await revokeStaffSession(getDb(), world.technician.actor.sessionId);
    await say(world.homeowner, "Is anyone coming?");
    await pass();
    expect(pushesTo(phone)).toHaveLength(0);

    // Riley signs in on the same phone: the browser's subscription is now Riley's.
    await subscribe(world.otherTechnician, phone);
    await say(world.homeowner, "Hello again?");
    await pass();
    expect(pushesTo(phone)).toHaveLength(0);
    const owners = await getDb().pushSubscription.findMany({ select: { userId: true } });
    expect(owners).toEqual([{ userId: world.otherTechnician.id }]);
  });

  it("nobody takes a colleague's browser by its endpoint alone: moving it needs the browser's own secret", async () => {
    const phone = await subscribe(world.technician);
    const stranger = { ...newBrowser(phone.json.endpoint).json };
    const taken = await subscribeRoute(jsonRequest("POST", world.otherTechnician.cookie, stranger), noParams);
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.code).toBe("conflict");
    const owners = await getDb().pushSubscription.findMany({ select: { userId: true, auth: true } });
    expect(owners).toEqual([{ userId: world.technician.id, auth: phone.json.keys.auth }]);
    await say(world.homeowner, "Still there?");
    await pass();
    expect(pushesTo(phone).map((push) => decrypt(phone, push).title)).toHaveLength(1);
  });

  it("a browser whose holder signed out may be taken by whoever signs in next, whatever keys it comes with", async () => {
    const phone = await subscribe(world.technician);
    if (world.technician.actor.kind !== "staff") throw new Error("the technician is staff");
    await revokeStaffSession(getDb(), world.technician.actor.sessionId);
    const renewed = newBrowser(phone.json.endpoint).json;
    const taken = await subscribeRoute(jsonRequest("POST", world.otherTechnician.cookie, renewed), noParams);
    expect(taken.status).toBe(201);
    const owners = await getDb().pushSubscription.findMany({ select: { userId: true, auth: true } });
    expect(owners).toEqual([{ userId: world.otherTechnician.id, auth: renewed.keys.auth }]);
  });

  it("refuses an endpoint that is not on an allowed push service, and stores nothing", async () => {
    const refused = [
      "http://169.254.169.254/latest/meta-data",
      "https://evil.example.com/push/1",
      `http://127.0.0.1:1/push/1`,
      "https://user:pass@fcm.googleapis.com/fcm/send/x",
      "not a url",
    ];
    for (const endpoint of refused) {
      const response = await subscribeRoute(
        jsonRequest("POST", world.technician.cookie, { ...newBrowser().json, endpoint }),
        noParams,
      );
      expect(response.status, endpoint).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    }
    // With the default hosts, a local plain-http endpoint is refused too.
    process.env.PUSH_ENDPOINT_HOSTS = "";
    process.env.PUSH_ALLOW_HTTP = "false";
    try {
      const local = await subscribeRoute(jsonRequest("POST", world.technician.cookie, newBrowser().json), noParams);
      expect(local.status).toBe(400);
      const fcm = newBrowser("https://fcm.googleapis.com/fcm/send/abc123");
      const allowed = await subscribeRoute(jsonRequest("POST", world.technician.cookie, fcm.json), noParams);
      expect(allowed.status).toBe(201);
    } finally {
      process.env.PUSH_ENDPOINT_HOSTS = new URL(origin).host;
      process.env.PUSH_ALLOW_HTTP = "true";
    }
    const stored = await getDb().pushSubscription.findMany({ select: { endpoint: true } });
    expect(stored.map((row) => row.endpoint)).toEqual(["https://fcm.googleapis.com/fcm/send/abc123"]);
  });

  it("a homeowner cannot subscribe; a technician can turn their own browser off", async () => {
    const refused = await subscribeRoute(jsonRequest("POST", world.homeowner.cookie, newBrowser().json), noParams);
    expect(refused.status).toBe(403);
    const anonymous = await subscribeRoute(jsonRequest("POST", "", newBrowser().json), noParams);
    expect(anonymous.status).toBe(401);
    expect(await getDb().pushSubscription.count()).toBe(0);

    const phone = await subscribe(world.technician);
    // Someone else can't turn it off.
    await unsubscribeRoute(
      jsonRequest("DELETE", world.otherTechnician.cookie, { endpoint: phone.json.endpoint }),
      noParams,
    );
    expect(await getDb().pushSubscription.count()).toBe(1);
    const off = await unsubscribeRoute(
      jsonRequest("DELETE", world.technician.cookie, { endpoint: phone.json.endpoint }),
      noParams,
    );
    expect(off.status).toBe(200);
    expect(await getDb().pushSubscription.count()).toBe(0);
    await say(world.homeowner, "Hello?");
    await pass();
    expect(received).toHaveLength(0);
  });
});
