// Fair limits, end to end: real PostgreSQL, a real Socket.IO server, real
// clients. Each block sets its own limits (read from the settings at the first
// check after resetLimits) and asserts counts and codes, never timings.
import { randomUUID } from "node:crypto";
import { Socket as EngineSocket } from "engine.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postRoute } from "../../app/api/jobs/[id]/messages/route.ts";
import { HOMEOWNER_COOKIE } from "../../lib/auth/cookies.ts";
import { getDb } from "../../lib/db.ts";
import { resetLimits } from "../../lib/limits/limits.ts";
import type { MessageView } from "../../lib/messages/message-view.ts";
import { createCustomer, createJob } from "../../prisma/seed/factories.ts";
import { TOO_MANY_HANDSHAKES, TOO_MANY_SOCKETS } from "../../server/realtime/limit-sockets.ts";
import { type Client, record, request, settle, startRealtime, until } from "../support/realtime.ts";
import { buildWorld, homeownerCookie, staffCookie, type World } from "../support/world.ts";

let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;

async function useLimits(settings: Record<string, number>) {
  for (const [name, value] of Object.entries(settings)) process.env[name] = String(value);
  await resetLimits();
}

beforeAll(async () => {
  world = await buildWorld();
  realtime = await startRealtime();
});

afterAll(async () => {
  await realtime.stop();
  await resetLimits();
});

type Ack = { data?: unknown; error?: { code: string; message: string; retryAfter?: number } };
const sendTo = (socket: Client, jobId: string, body: string, clientId: string = randomUUID()): Promise<Ack> =>
  request(socket, "message:send", { jobId, clientId, body });
const storedWith = (clientIds: string[]) => getDb().message.count({ where: { clientId: { in: clientIds } } });

function expectRateLimited(ack: Ack, maxSeconds: number) {
  const error = { code: "", message: "", retryAfter: 0, ...ack.error };
  expect(error.code).toBe("rate_limited");
  expect(Number.isInteger(error.retryAfter)).toBe(true);
  expect(error.retryAfter).toBeGreaterThanOrEqual(1);
  expect(error.retryAfter).toBeLessThanOrEqual(maxSeconds);
  expect(error.message).toMatch(new RegExp(`try again in ${error.retryAfter} s\\.$`));
}

describe("sends per person per job", () => {
  let homeowner: Client;
  let otherHomeowner: Client;
  let dispatcher: Client;
  let otherJobId: string;

  beforeAll(async () => {
    // The default: 30 a minute, 10 at once, then one every 3 s.
    await useLimits({ LIMIT_SENDS_PER_MINUTE: 30, LIMIT_EVENTS_PER_SECOND: 1000, LIMIT_JOINS_PER_MINUTE: 1000 });
    const customer = await createCustomer(getDb(), { companyId: world.company.id, name: "Alex Neighbour" });
    const otherJob = await createJob(getDb(), { companyId: world.company.id, customerId: customer.id });
    otherJobId = otherJob.id;
    [homeowner, otherHomeowner, dispatcher] = await Promise.all([
      realtime.client(world.homeowner.cookie),
      realtime.client(await homeownerCookie(otherJob.id)),
      realtime.client(world.dispatcher.cookie),
    ]);
  });

  it("refuses one homeowner's excess with the retry time, storing none of it, while others' sends all go", async () => {
    const heard = record<MessageView>(dispatcher, "message:created");
    await request(dispatcher, "thread:join", { jobId: world.job.id, afterSeq: 0 });
    const burst: string[] = Array.from({ length: 20 }, () => randomUUID());
    const neighbour = Array.from({ length: 8 }, () => randomUUID());
    const staff = Array.from({ length: 8 }, () => randomUUID());
    const [burstAcks, neighbourAcks, staffAcks] = await Promise.all([
      Promise.all(burst.map((id, i) => sendTo(homeowner, world.job.id, `burst ${i}`, id))),
      Promise.all(neighbour.map((id, i) => sendTo(otherHomeowner, otherJobId, `next door ${i}`, id))),
      Promise.all(staff.map((id, i) => sendTo(dispatcher, world.job.id, `office ${i}`, id))),
    ]);

    expect(neighbourAcks.every((ack) => ack.data)).toBe(true);
    expect(staffAcks.every((ack) => ack.data)).toBe(true);
    const accepted = burst.filter((_, i) => burstAcks[i]?.data);
    const refused = burst.filter((_, i) => burstAcks[i]?.error);
    expect(accepted.length).toBeGreaterThanOrEqual(10);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(accepted.length + refused.length).toBe(20);
    for (const ack of burstAcks.filter((a) => a.error)) expectRateLimited(ack, 3);

    expect(await storedWith(accepted)).toBe(accepted.length);
    expect(await storedWith(refused)).toBe(0);
    expect(await storedWith([...neighbour, ...staff])).toBe(16);
    await settle();
    expect(heard.filter((m) => refused.includes(m.clientId))).toHaveLength(0);
  });

  it("still answers a resend of a message already stored, and sends again after the time it was told", async () => {
    const clientId = randomUUID();
    let ack = await sendTo(homeowner, world.job.id, "I'll wait my turn", clientId);
    while (ack.error) {
      expectRateLimited(ack, 3);
      await new Promise((resolve) => setTimeout(resolve, (ack.error?.retryAfter ?? 1) * 1000));
      ack = await sendTo(homeowner, world.job.id, "I'll wait my turn", clientId);
    }
    const stored = ack.data as MessageView;
    expect(stored.body).toBe("I'll wait my turn");

    // Over the limit again (the steady point was just used), a resend of the stored one is answered.
    const over = await sendTo(homeowner, world.job.id, "one too many");
    expectRateLimited(over, 3);
    const resend = await sendTo(homeowner, world.job.id, "I'll wait my turn", clientId);
    expect(resend.data).toEqual(stored);
    expect(await storedWith([clientId])).toBe(1);
  });

  it("counts HTTP posts with socket sends, answering 429 with Retry-After", async () => {
    const clientId = randomUUID();
    const response = await postRoute(
      new Request("http://localhost:3000/x", {
        method: "POST",
        headers: { cookie: world.homeowner.cookie, "content-type": "application/json" },
        body: JSON.stringify({ clientId, body: "posted over HTTP, too fast" }),
      }),
      { params: Promise.resolve({ id: world.job.id }) },
    );
    expect(response.status).toBe(429);
    const body = await response.json();
    expect(Object.keys(body)).toEqual(["error"]);
    expectRateLimited(body, 3);
    expect(response.headers.get("retry-after")).toBe(String(body.error.retryAfter));
    expect(await storedWith([clientId])).toBe(0);
  });
});

describe("events per socket", () => {
  beforeAll(() => useLimits({ LIMIT_EVENTS_PER_SECOND: 2, LIMIT_JOINS_PER_MINUTE: 1000 }));

  it("answers rate_limited to the excess of one socket, not to another socket of the same person", async () => {
    const busy = await realtime.client(world.technician.cookie);
    const calm = await realtime.client(world.technician.cookie);
    const acks = await Promise.all(
      Array.from({ length: 12 }, () => request(busy, "thread:leave", { jobId: world.job.id })),
    );
    // 2 this second and 2 more of the burst at least; the rest of a burst this size is refused.
    expect(acks.filter((ack) => ack.data).length).toBeGreaterThanOrEqual(4);
    const refused = acks.filter((ack) => ack.error);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const ack of refused) expectRateLimited(ack, 10);
    expect(await request(calm, "thread:leave", { jobId: world.job.id })).toEqual({ data: {} });
  });
});

describe("thread:join per socket", () => {
  // 3 a minute: one at once, then one every 20 s.
  beforeAll(() => useLimits({ LIMIT_EVENTS_PER_SECOND: 1000, LIMIT_JOINS_PER_MINUTE: 3 }));

  it("refuses a socket's joins past its limit and lets another socket join", async () => {
    const socket = await realtime.client(world.dispatcher.cookie);
    const first = await request(socket, "thread:join", { jobId: world.job.id, afterSeq: 0 });
    expect(first).toHaveProperty("data");
    const second = await request(socket, "thread:join", { jobId: world.job.id, afterSeq: 0 });
    expectRateLimited(second, 20);
    expect((second.error as { message: string }).message).toMatch(/^You're opening conversations quickly/);
    // Other events of that socket still work.
    expect(await request(socket, "thread:read", { jobId: world.job.id, seq: 1 })).toEqual({ data: {} });
    const other = await realtime.client(world.dispatcher.cookie);
    expect(await request(other, "thread:join", { jobId: world.job.id, afterSeq: 0 })).toHaveProperty("data");
  });
});

describe("sockets per session", () => {
  beforeAll(() => useLimits({ LIMIT_SOCKETS_PER_SESSION: 3 }));

  it("fails the handshake past the limit with a clear message, and counts down on disconnect", async () => {
    const cookie = await staffCookie(world.technician.id);
    const open = await Promise.all([realtime.client(cookie), realtime.client(cookie), realtime.client(cookie)]);
    const refused = await realtime.client(cookie).then(
      () => null,
      (error: Error & { data?: unknown }) => error,
    );
    expect(refused?.message).toBe(TOO_MANY_SOCKETS);
    expect(refused?.data).toEqual({ code: "rate_limited" });

    // Another session of the same person, and the same homeowner's, are counted apart.
    expect((await realtime.client(await staffCookie(world.technician.id))).connected).toBe(true);
    expect((await realtime.client(world.homeowner.cookie)).connected).toBe(true);

    // The server counts it down when it sees the socket go.
    open[0]?.disconnect();
    let again: Client | null = null;
    for (let tries = 0; !again && tries < 50; tries += 1) {
      again = await realtime.client(cookie).catch(() => null);
      if (!again) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(again?.connected).toBe(true);
  });
});

describe("handshakes per connection", () => {
  it("closes a connection that keeps retrying a refused handshake, before asking the database again", async () => {
    // Socket.IO's protocol by hand, as a script would speak it: one websocket, CONNECT ("0") after CONNECT.
    const engine = new EngineSocket(realtime.url, {
      path: "/socket.io/",
      transports: ["websocket"],
      extraHeaders: { cookie: `${HOMEOWNER_COOKIE}=${"x".repeat(43)}` },
    });
    let closed = false;
    engine.on("close", () => {
      closed = true;
    });
    await new Promise<void>((resolve) => engine.on("open", () => resolve()));
    const refusals: string[] = [];
    while (!closed && refusals.length < 10) {
      const answer = await new Promise<string | null>((resolve) => {
        engine.once("message", (data) => resolve(String(data)));
        engine.once("close", () => resolve(null));
        engine.send("0");
      });
      if (answer === null) break;
      refusals.push((JSON.parse(answer.slice(1)) as { message: string }).message);
      await until(() => closed || engine.readyState === "open", "the next try");
      await settle(20);
    }
    expect(refusals.slice(0, 5)).toEqual(Array(5).fill("unauthorized"));
    expect(refusals[5]).toBe(TOO_MANY_HANDSHAKES);
    await until(() => closed, "the connection to close");
    expect(refusals).toHaveLength(6);
  });
});
